/** Pages, subpackages and tab bar of the mini-program (WeChat app.json). */
import careCardPages from './packages/care-card/routes.config'
import elevatorPages from './packages/elevator/routes.config'
import oneThingPages from './packages/one-thing/routes.config'
import settingsPages from './packages/settings/routes.config'
import youthPalacePages from './packages/youth-palace/routes.config'

/** The embedded backend's subpackage: WeChat builds in mock mode only (H5 loads it as an import() chunk). */
const EMBEDDED_BACKEND_PACKAGE =
  process.env.TARO_ENV === 'weapp' && !process.env.TARO_APP_API_BASE ? 'packages/demo-backend' : null

/** Each service subpackage and its pages (listed in the subpackage's own routes.config.ts). */
const SERVICE_PACKAGES: Record<string, string[]> = {
  'care-card': careCardPages,
  'youth-palace': youthPalacePages,
  elevator: elevatorPages,
  'one-thing': oneThingPages,
}

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/messages/index',
    'pages/me/index',
    'pages/login/index',
    'pages/real-name/index',
    'pages/rooms/index',
    'pages/family/index',
    'pages/privacy/index',
    'pages/worker/index',
  ],
  subPackages: [
    ...Object.entries(SERVICE_PACKAGES).map(([name, pages]) => ({ root: `packages/${name}`, pages })),
    // The demo panel and the data export, opened from 我的.
    { root: 'packages/settings', pages: settingsPages },
    // The embedded demo backend (mock mode on WeChat): no pages, one module loaded with require.async
    // at launch (src/mock/install.ts); its webpack entry is added in config/index.ts.
    ...(EMBEDDED_BACKEND_PACKAGE ? [{ root: EMBEDDED_BACKEND_PACKAGE, pages: [] }] : []),
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: Object.keys(SERVICE_PACKAGES).map((name) => `packages/${name}`) },
    'pages/me/index': { network: 'all', packages: ['packages/settings'] },
  },
  // H5 page transitions off in the test build so the browser tests never race an animation.
  ...(process.env.TARO_APP_TEST === '1' ? { animation: false } : {}),
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
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
})
