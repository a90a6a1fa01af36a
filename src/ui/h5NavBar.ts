/**
 * H5 only: the navigation bar on top of every page, as WeChat draws it — the page's title
 * (`navigationBarTitleText`) in the colours of app.config's `window`, and a back control on every page
 * that is not a tab page. It is Taro's own bar (`window.navigationStyle: 'default'`, set for H5 in
 * app.config.ts; WeChat draws its native one), sized by h5-system.css (elder-sized in elder mode) and
 * made a real control here: a button named by its word 返回, reachable by keyboard, that leaves the
 * page with `goBack` — back to the page underneath or, on a page opened on its own, to the page it names
 * (`Page backTo`) or home. Taro's own home icon is not used.
 */
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { goBack, toHref } from './nav'

const BACK = '#taro-navigation-bar .taro-navigation-bar-back, #taro-navigation-bar .taro-navigation-bar-home'

/** Where the shown page's back control leads when nothing is under it: a URL, home (undefined) or none (null). */
let fallback: string | null | undefined

/** Marks up Taro's bar once: the back control a button with a word, icons hidden from screen readers. */
function enhance(bar: HTMLElement): void {
  if (bar.dataset.mc) return
  bar.dataset.mc = '1'
  bar.querySelectorAll('svg').forEach((svg) => svg.setAttribute('aria-hidden', 'true'))
  bar.querySelector('.taro-navigation-bar-home')?.setAttribute('aria-hidden', 'true')
  const back = bar.querySelector<HTMLElement>('.taro-navigation-bar-back')
  if (!back) return
  back.setAttribute('role', 'button')
  back.tabIndex = 0
  const word = document.createElement('span')
  word.className = 'mc-nav-back-word'
  word.textContent = '返回'
  back.appendChild(word)
}

/** The shown page's back target: remembered for the control, and no control at all when `null`. */
function show(backTo: string | null | undefined): void {
  fallback = backTo
  const bar = document.getElementById('taro-navigation-bar')
  if (!bar) return
  enhance(bar)
  bar.classList.toggle('mc-nav-no-back', backTo === null)
}

/** Called by `Page` on every page: where its back control leads when the page was opened on its own. */
export function useNavBack(backTo: string | null | undefined): void {
  useEffect(() => show(backTo), [backTo])
  useDidShow(() => show(backTo))
}

/** Takes over the bar's back (and home) control: `goBack` instead of Taro's navigateBack / reLaunch. */
export function installNavBar(): void {
  if (typeof document === 'undefined' || (window as unknown as { __mcNavBar?: boolean }).__mcNavBar) return
  ;(window as unknown as { __mcNavBar?: boolean }).__mcNavBar = true
  const leave = (e: Event) => {
    e.stopPropagation()
    e.preventDefault()
    goBack((fallback && toHref(fallback)) || undefined).catch(() => {})
  }
  // Capture phase: before Taro's own listeners on the control.
  document.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element | null)?.closest?.(BACK)) leave(e)
    },
    true,
  )
  document.addEventListener(
    'keydown',
    (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && (e.target as Element | null)?.closest?.(BACK)) leave(e)
    },
    true,
  )
}
