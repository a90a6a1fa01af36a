/**
 * A stand-in for the `wx` object of the WeChat runtime, enough for Taro's runtime and our code.
 * Storage honours WeChat's limits (1 MB per key, 10 MB in all). Every call is recorded in `calls`.
 * Navigation APIs are delegated to the harness (`nav`).
 */
import { TINY_JPEG } from '../../unit/backend/photos'

export interface WxCall {
  api: string
  args: unknown
}

/** Callbacks the harness supplies for navigation and dialogs. */
export interface WxHost {
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void>
  navigateBack(delta: number): Promise<void>
  answerModal(options: Record<string, unknown>): { confirm: boolean; cancel: boolean; content?: string }
  answerActionSheet(options: Record<string, unknown>): { tapIndex: number }
  systemInfo: Record<string, unknown>
  /** When true, `wx.request` really goes out (only to 127.0.0.1 in tests); otherwise it fails. */
  network?: boolean
  /** Tells the harness about real work in flight (network), so `settle()` waits for it. */
  track(p: Promise<void>): void
}

type Opts = Record<string, unknown> & {
  success?: (r: unknown) => void
  fail?: (e: unknown) => void
  complete?: (r: unknown) => void
}

const STORAGE_KEY_LIMIT = 1024 * 1024
const STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024

/** Builds the `wx` object and its recorded calls and storage. */
export function createWx(host: WxHost, storage: Map<string, string>) {
  const calls: WxCall[] = []
  const record = (api: string, args: unknown) => calls.push({ api, args })

  const done = (o: Opts | undefined, result: Record<string, unknown>, api: string) => {
    const r = { errMsg: `${api}:ok`, ...result }
    Promise.resolve().then(() => {
      o?.success?.(r)
      o?.complete?.(r)
    })
  }
  const failed = (o: Opts | undefined, errMsg: string) => {
    const e = { errMsg }
    Promise.resolve().then(() => {
      o?.fail?.(e)
      o?.complete?.(e)
    })
  }
  /** An async API that records its call and succeeds with `result`. */
  const ok =
    (api: string, result: (o: Opts) => Record<string, unknown> = () => ({})) =>
    (o: Opts = {}) => {
      record(api, o)
      done(o, result(o), api)
    }

  const used = () => [...storage.values()].reduce((s, v) => s + Buffer.byteLength(v), 0)
  const setItem = (key: string, data: unknown) => {
    const text = JSON.stringify(data === undefined ? null : data)
    const bytes = Buffer.byteLength(text) + Buffer.byteLength(key)
    if (bytes > STORAGE_KEY_LIMIT) throw new Error('setStorageSync:fail entry size limit reached')
    const previous = storage.has(key) ? Buffer.byteLength(storage.get(key)!) : 0
    if (used() - previous + bytes > STORAGE_TOTAL_LIMIT)
      throw new Error('setStorageSync:fail exceed storage max size 10MB')
    storage.set(key, text)
  }
  const getItem = (key: string) => (storage.has(key) ? JSON.parse(storage.get(key)!) : '')

  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => ({ ...host.systemInfo }),
    getWindowInfo: () => ({ ...host.systemInfo }),
    getDeviceInfo: () => ({
      platform: host.systemInfo.platform,
      system: host.systemInfo.system,
      brand: 'devtools',
      model: 'harness',
    }),
    getAppBaseInfo: () => ({
      SDKVersion: host.systemInfo.SDKVersion,
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
      fontSizeScaleFactor: host.systemInfo.fontSizeScaleFactor ?? 1,
      fontSizeSetting: 16,
    }),
    getSystemSetting: () => ({}),
    getSystemInfo: ok('getSystemInfo', () => ({ ...host.systemInfo })),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, left: 281, right: 368, bottom: 80 }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => Promise.resolve().then(fn),
    onAppShow: () => {},
    offAppShow: () => {},
    onAppHide: () => {},
    offAppHide: () => {},
    onError: () => {},
    onUnhandledRejection: () => {},
    onPageNotFound: () => {},
    onMemoryWarning: () => {},
    onThemeChange: () => {},
    onWindowResize: () => {},
    offWindowResize: () => {},
    onNetworkStatusChange: () => {},
    getStorageSync: (key: string) => getItem(key),
    setStorageSync: (key: string, data: unknown) => setItem(key, data),
    removeStorageSync: (key: string) => {
      storage.delete(key)
    },
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({
      keys: [...storage.keys()],
      currentSize: Math.ceil(used() / 1024),
      limitSize: STORAGE_TOTAL_LIMIT / 1024,
    }),
    getStorage: (o: Opts) => {
      record('getStorage', o)
      if (storage.has(String(o.key))) done(o, { data: getItem(String(o.key)) }, 'getStorage')
      else failed(o, 'getStorage:fail data not found')
    },
    setStorage: (o: Opts) => {
      record('setStorage', o)
      try {
        setItem(String(o.key), o.data)
        done(o, {}, 'setStorage')
      } catch (e) {
        failed(o, (e as Error).message.replace('Sync', ''))
      }
    },
    removeStorage: (o: Opts) => {
      storage.delete(String(o.key))
      done(o, {}, 'removeStorage')
    },
    clearStorage: (o: Opts) => {
      storage.clear()
      done(o, {}, 'clearStorage')
    },
    navigateTo: (o: Opts) => {
      record('navigateTo', o)
      host.navigate('navigateTo', String(o.url)).then(
        () => done(o, {}, 'navigateTo'),
        (e) => failed(o, e.message),
      )
    },
    redirectTo: (o: Opts) => {
      record('redirectTo', o)
      host.navigate('redirectTo', String(o.url)).then(
        () => done(o, {}, 'redirectTo'),
        (e) => failed(o, e.message),
      )
    },
    switchTab: (o: Opts) => {
      record('switchTab', o)
      host.navigate('switchTab', String(o.url)).then(
        () => done(o, {}, 'switchTab'),
        (e) => failed(o, e.message),
      )
    },
    reLaunch: (o: Opts) => {
      record('reLaunch', o)
      host.navigate('reLaunch', String(o.url)).then(
        () => done(o, {}, 'reLaunch'),
        (e) => failed(o, e.message),
      )
    },
    navigateBack: (o: Opts = {}) => {
      record('navigateBack', o)
      host.navigateBack(Number(o.delta ?? 1)).then(
        () => done(o, {}, 'navigateBack'),
        (e) => failed(o, e.message),
      )
    },
    showModal: (o: Opts) => {
      record('showModal', o)
      // WeChat refuses button texts over 4 characters (and Taro's H5 modal does the same).
      const long = (['confirmText', 'cancelText'] as const).find(
        (k) => typeof o[k] === 'string' && [...(o[k] as string)].length > 4,
      )
      if (long) return failed(o, `showModal:fail ${long} length should not larger then 4 Chinese characters`)
      done(o, host.answerModal(o), 'showModal')
    },
    showActionSheet: (o: Opts) => {
      record('showActionSheet', o)
      done(o, host.answerActionSheet(o), 'showActionSheet')
    },
    showToast: ok('showToast'),
    // A 2d offscreen canvas that records what is drawn (`drawn`: each fillText's text), 16 px per character.
    createOffscreenCanvas: (o: { width: number; height: number }) => {
      const drawn: string[] = []
      const ctx = {
        font: '',
        fillStyle: '',
        textBaseline: '',
        measureText: (t: string) => ({ width: [...t].length * 28 }),
        fillRect: () => {},
        fillText: (t: string) => drawn.push(t),
      }
      const canvas = { width: o.width, height: o.height, drawn, getContext: () => ctx }
      record('createOffscreenCanvas', canvas)
      return canvas
    },
    canvasToTempFilePath: ok('canvasToTempFilePath', () => ({ tempFilePath: 'wxfile://tmp/canvas.png' })),
    showShareImageMenu: ok('showShareImageMenu'),
    hideToast: ok('hideToast'),
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    setNavigationBarTitle: ok('setNavigationBarTitle'),
    setNavigationBarColor: ok('setNavigationBarColor'),
    showNavigationBarLoading: ok('showNavigationBarLoading'),
    hideNavigationBarLoading: ok('hideNavigationBarLoading'),
    setTabBarBadge: ok('setTabBarBadge'),
    removeTabBarBadge: ok('removeTabBarBadge'),
    showTabBarRedDot: ok('showTabBarRedDot'),
    hideTabBarRedDot: ok('hideTabBarRedDot'),
    setBackgroundColor: ok('setBackgroundColor'),
    setBackgroundTextStyle: ok('setBackgroundTextStyle'),
    pageScrollTo: ok('pageScrollTo'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    startPullDownRefresh: ok('startPullDownRefresh'),
    makePhoneCall: ok('makePhoneCall'),
    setClipboardData: ok('setClipboardData'),
    vibrateShort: ok('vibrateShort'),
    requestSubscribeMessage: ok('requestSubscribeMessage', (o) =>
      Object.fromEntries(((o.tmplIds as string[]) ?? []).map((id) => [id, 'accept'])),
    ),
    login: ok('login', () => ({ code: 'harness-code' })),
    requestPayment: ok('requestPayment'),
    previewImage: ok('previewImage'),
    showShareMenu: ok('showShareMenu'),
    hideShareMenu: ok('hideShareMenu'),
    chooseMedia: ok('chooseMedia', () => ({
      type: 'image',
      tempFiles: [{ tempFilePath: 'wxfile://harness/photo.jpg', size: 150_000, fileType: 'image' }],
    })),
    compressImage: ok('compressImage', (o) => ({ tempFilePath: String(o.src) })),
    // Every photo read is a real (tiny) JPEG: the upload route checks its first bytes.
    getFileSystemManager: () => ({
      readFileSync: () => TINY_JPEG,
      readFile: (o: Opts) => done(o, { data: TINY_JPEG }, 'readFile'),
    }),
    request: (o: Opts) => {
      record('request', o)
      if (!host.network) return failed(o, 'request:fail the harness has no network')
      const url = String(o.url)
      if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url))
        return failed(o, 'request:fail only 127.0.0.1 is reachable from the harness')
      const method = String(o.method ?? 'GET')
      host.track(
        fetch(url, {
          method,
          headers: o.header as Record<string, string>,
          body: method === 'GET' || o.data === undefined ? undefined : JSON.stringify(o.data),
        }).then(
          async (res) => {
            const text = await res.text()
            let data: unknown = text
            try {
              data = JSON.parse(text)
            } catch {
              /* not JSON */
            }
            done(o, { statusCode: res.status, data, header: Object.fromEntries(res.headers.entries()) }, 'request')
          },
          () => failed(o, 'request:fail network error'),
        ),
      )
    },
    createSelectorQuery: () => {
      const q = {
        in: () => q,
        select: () => q,
        selectAll: () => q,
        selectViewport: () => q,
        boundingClientRect: () => q,
        scrollOffset: () => q,
        fields: () => q,
        node: () => q,
        exec: (cb?: (r: unknown[]) => void) => Promise.resolve().then(() => cb?.([])),
      }
      return q
    },
    createIntersectionObserver: () => ({
      relativeTo: function () {
        return this
      },
      relativeToViewport: function () {
        return this
      },
      observe: () => {},
      disconnect: () => {},
    }),
    getUpdateManager: () => ({
      onCheckForUpdate: () => {},
      onUpdateReady: () => {},
      onUpdateFailed: () => {},
      applyUpdate: () => {},
    }),
    reportAnalytics: () => {},
    env: { USER_DATA_PATH: 'wxfile://usr' },
  }
  // Like the WeChat base library (≥ 2.10.2): an async API called without success/fail/complete returns a Promise.
  const SYNC =
    /Sync$|^(on|off|create|get(SystemInfo|WindowInfo|DeviceInfo|AppBaseInfo|SystemSetting|MenuButtonBoundingClientRect|LaunchOptions|EnterOptions|FileSystemManager|UpdateManager))|^(canIUse|nextTick|reportAnalytics)$/
  for (const [name, fn] of Object.entries(wx)) {
    if (typeof fn !== 'function' || SYNC.test(name)) continue
    wx[name] = (o?: Opts, ...rest: unknown[]) => {
      if (o && (o.success || o.fail || o.complete)) return (fn as (...a: unknown[]) => unknown)(o, ...rest)
      return new Promise((resolve, reject) => {
        ;(fn as (...a: unknown[]) => unknown)({ ...(o ?? {}), success: resolve, fail: reject }, ...rest)
      })
    }
  }
  return { wx, calls }
}
