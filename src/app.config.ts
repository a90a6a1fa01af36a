/** Pages, subpackages and tab bar of the mini-program (WeChat app.json), from the route table (domain/routes.ts). */
import { ALL_ROUTES, href } from './domain/routes'

/** The embedded backend's subpackage: WeChat builds in mock mode only (H5 loads it as an import() chunk). */
const EMBEDDED_BACKEND_PACKAGE =
  process.env.TARO_ENV === 'weapp' && !process.env.TARO_APP_API_BASE ? 'packages/demo-backend' : null

/** Each subpackage root and its pages, in the route table's order. */
const PACKAGES = new Map<string, string[]>()
for (const r of ALL_ROUTES) if (r.root) PACKAGES.set(r.root, [...(PACKAGES.get(r.root) ?? []), r.page])
/** The service subpackages and the account pages, preloaded from the home page. */
const SERVICE_PACKAGES = [...PACKAGES.keys()].filter((root) => root !== href.settings.dev.root)

export default defineAppConfig({
  pages: ALL_ROUTES.filter((r) => !r.root).map((r) => r.path),
  // The account pages, the service subpackages, then the demo panel and the data export (settings),
  // opened from 我的.
  subPackages: [
    ...[...PACKAGES].map(([root, pages]) => ({ root, pages })),
    // The embedded demo backend (mock mode on WeChat): no pages, one module loaded with require.async
    // at launch (src/mock/install.ts); its webpack entry is added in config/index.ts.
    ...(EMBEDDED_BACKEND_PACKAGE ? [{ root: EMBEDDED_BACKEND_PACKAGE, pages: [] }] : []),
  ],
  preloadRule: {
    [href.home.path]: { network: 'all', packages: SERVICE_PACKAGES },
    [href.me.path]: { network: 'all', packages: [href.account.realName.root!, href.settings.dev.root!] },
  },
  // H5 page transitions off in the test build so the browser tests never race an animation.
  ...(process.env.TARO_APP_TEST === '1' ? { animation: false } : {}),
  // 朗读 on WeChat through the WechatSI plugin (微信同声传译), only when the build asks for it: the
  // plugin must first be added to this mini-program's appid (设置 → 第三方设置 → 插件管理).
  ...(process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_WECHAT_SI === '1'
    ? { plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } } }
    : {}),
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1A5FB4',
    navigationBarTitleText: '现代社区',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F6F8',
    // H5: Taro draws the same bar (title, back control) only when asked; WeChat always draws its own.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
  },
  tabBar: {
    color: '#4E5969',
    selectedColor: '#1A5FB4',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: href.home.path,
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: href.messages.path,
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-active.png',
      },
      {
        pagePath: href.me.path,
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
})
