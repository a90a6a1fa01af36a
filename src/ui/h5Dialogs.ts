/**
 * H5 only: makes Taro's system dialog (`Taro.showModal`, plain `div`s added to the body) a real dialog for
 * assistive technology and the keyboard — role `dialog` named by its title and described by its text,
 * buttons with role `button` and a tab stop that Enter/Space activate, Escape for 取消, focus moved to the
 * confirm button when it opens and given back to where it was when it closes. WeChat's own dialogs are
 * native and need none of this.
 */

const BUTTONS = '.taro-model__btn'
/**
 * For this long after a dialog opens its buttons ignore pointer clicks: the second tap of a double tap on
 * the button that opened it (e.g. 取消预约) would otherwise land on 确定, right under the finger. After
 * it the dialog root carries `data-mc-ready` (tests wait for it). 700 ms because an older person's slow
 * double tap takes up to about 600 ms. Keyboard activation is not delayed.
 */
const DIALOG_TAP_GUARD_MS = 700

/** Applies roles and focus to the dialog in `root` (`.taro__modal`) when it is shown. */
function enhance(root: HTMLElement, state: { returnTo: Element | null; open: boolean; openedAt: number }): void {
  const shown = root.style.display !== 'none' && root.isConnected
  if (shown === state.open) return
  state.open = shown
  if (!shown) {
    delete root.dataset.mcReady
    if (state.returnTo instanceof HTMLElement && state.returnTo.isConnected) state.returnTo.focus()
    state.returnTo = null
    return
  }
  state.openedAt = Date.now()
  delete root.dataset.mcReady
  setTimeout(() => {
    if (state.open) root.dataset.mcReady = '1'
  }, DIALOG_TAP_GUARD_MS)
  const content = root.querySelector<HTMLElement>('.taro-modal__content')
  const title = root.querySelector<HTMLElement>('.taro-modal__title')
  const text = root.querySelector<HTMLElement>('.taro-modal__text')
  if (!content) return
  if (title) title.id = 'mc-dialog-title'
  if (text) text.id = 'mc-dialog-text'
  content.setAttribute('role', 'alertdialog')
  content.setAttribute('aria-modal', 'true')
  if (title?.textContent?.trim()) content.setAttribute('aria-labelledby', 'mc-dialog-title')
  else content.setAttribute('aria-label', '提示')
  if (text) content.setAttribute('aria-describedby', 'mc-dialog-text')
  for (const b of root.querySelectorAll<HTMLElement>(BUTTONS)) {
    b.setAttribute('role', 'button')
    b.tabIndex = 0
    if (!b.dataset.mcKeys) {
      b.dataset.mcKeys = '1'
      b.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          b.click()
        }
      })
    }
  }
  state.returnTo = document.activeElement
  const confirm = root.querySelector<HTMLElement>('.taro-model__confirm')
  confirm?.focus()
}

/** Watches the document for Taro's dialog and enhances it each time it opens (idempotent). */
export function installDialogA11y(): void {
  if (typeof document === 'undefined' || (window as unknown as { __mcDialogs?: boolean }).__mcDialogs) return
  ;(window as unknown as { __mcDialogs?: boolean }).__mcDialogs = true
  const state = { returnTo: null as Element | null, open: false, openedAt: 0 }
  const check = () => {
    // A mutation delivered while the page unloads (a test environment's teardown) finds no document.
    if (typeof document === 'undefined') return
    const root = document.querySelector<HTMLElement>('.taro__modal')
    if (root) enhance(root, state)
  }
  new MutationObserver(check).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style'],
  })
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !state.open) return
    const cancel = document.querySelector<HTMLElement>('.taro__modal .taro-model__cancel')
    if (cancel && cancel.style.display !== 'none') cancel.click()
  })
  // A pointer click on a button right after the dialog opened is the tail of a double tap: ignore it.
  document.addEventListener(
    'click',
    (e) => {
      if (!state.open || e.detail === 0 || Date.now() - state.openedAt >= DIALOG_TAP_GUARD_MS) return
      if (!(e.target as Element | null)?.closest?.(`.taro__modal ${BUTTONS}`)) return
      e.stopPropagation()
      e.preventDefault()
    },
    true,
  )
  // Keep Tab inside the open dialog.
  document.addEventListener('focusin', (e) => {
    if (!state.open) return
    const root = document.querySelector<HTMLElement>('.taro__modal')
    if (root && !root.contains(e.target as Node)) root.querySelector<HTMLElement>('.taro-model__confirm')?.focus()
  })
}
