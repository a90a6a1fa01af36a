import Taro from '@tarojs/taro'

const ROOT = '/packages/elevator/pages'

/** Opens a page of the elevator subpackage, e.g. `go('petition', { id })`. */
export function go(page: string, params: Record<string, string> = {}): void {
  const q = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
  Taro.navigateTo({ url: `${ROOT}/${page}/index${q ? `?${q}` : ''}` })
}
