import { openPage } from '@/ui/nav'

const ROOT = '/packages/elevator/pages'

/** Opens a page of the elevator subpackage, e.g. `go('petition', { id })`. */
export function go(page: string, params: Record<string, string> = {}): void {
  const q = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  openPage(`${ROOT}/${page}/index${q ? `?${q}` : ''}`)
}
