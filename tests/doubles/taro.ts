/**
 * A light test double of `@tarojs/taro` for Jest component and store tests (Taro's own test utilities
 * only support Taro 3.6). Navigation and UI calls are jest mocks; storage is an in-memory map.
 * Call `resetTaroDouble()` in `beforeEach`.
 */
const storage = new Map<string, unknown>()
const interceptors: ((chain: { requestParams: unknown; proceed: (p: unknown) => unknown }) => unknown)[] = []

/** Runs the registered interceptors like Taro does; with none (or when they proceed) there is no network. */
function defaultRequest(params: unknown) {
  const run = (i: number, p: unknown): unknown =>
    i < interceptors.length
      ? interceptors[i]({ requestParams: p, proceed: (next: unknown) => run(i + 1, next) })
      : Promise.reject({ errMsg: 'request:fail no network in unit tests' })
  return Promise.resolve(run(0, params))
}

const asyncOk = () =>
  jest.fn((opts?: { success?: (r: unknown) => void }) => {
    const res = { errMsg: 'ok' }
    opts?.success?.(res)
    return Promise.resolve(res)
  })

const Taro = {
  navigateTo: asyncOk(),
  redirectTo: asyncOk(),
  switchTab: asyncOk(),
  reLaunch: asyncOk(),
  navigateBack: asyncOk(),
  showToast: asyncOk(),
  setTabBarBadge: asyncOk(),
  removeTabBarBadge: asyncOk(),
  stopPullDownRefresh: asyncOk(),
  showLoading: asyncOk(),
  hideLoading: asyncOk(),
  makePhoneCall: asyncOk(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  getStorageInfoSync: jest.fn(() => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),
  getAppBaseInfo: jest.fn(() => ({ fontSizeScaleFactor: 1 })),
  chooseMedia: jest.fn(() => Promise.resolve({ tempFiles: [{ tempFilePath: 'wxfile://photo.jpg', size: 900_000 }] })),
  compressImage: jest.fn((o: { src: string; quality: number }) =>
    Promise.resolve({ tempFilePath: `${o.src}?q=${o.quality}` }),
  ),
  getFileSystemManager: jest.fn(() => ({ readFileSync: () => '' })),
  request: jest.fn(defaultRequest),
  addInterceptor: jest.fn((fn: (typeof interceptors)[number]) => {
    interceptors.push(fn)
  }),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  useLaunch: () => {},
  useDidShow: () => {},
  usePullDownRefresh: () => {},
  useDidHide: () => {},
  useLoad: () => {},
  useReady: () => {},
  useRouter: () => ({ params: {}, path: '' }),
  /** The page stack; empty unless a test sets it (`getCurrentPages.mockReturnValue([{ route }])`). */
  getCurrentPages: jest.fn((): { route: string }[] => []),
  getCurrentInstance: () => ({ router: { params: {}, path: '' } }),
}

/** The in-memory storage behind the double. */
export const taroStorage = storage

/** Clears storage and every mock's calls. */
export function resetTaroDouble() {
  storage.clear()
  interceptors.length = 0
  for (const v of Object.values(Taro)) if (jest.isMockFunction(v)) v.mockClear()
  Taro.getCurrentPages.mockReset()
  Taro.getCurrentPages.mockImplementation(() => [])
  Taro.request.mockReset()
  Taro.request.mockImplementation(defaultRequest)
}

export const { usePullDownRefresh } = Taro
export const {
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  showToast,
  showModal,
  useLaunch,
  useDidShow,
  useLoad,
  useRouter,
  getCurrentInstance,
  getCurrentPages,
} = Taro
export default Taro
