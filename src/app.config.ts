/** Pages, subpackages and tab bar of the mini-program (WeChat app.json). */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/care-card', pages: ['pages/index/index'] },
    { root: 'packages/youth-palace', pages: ['pages/index/index'] },
    { root: 'packages/elevator', pages: ['pages/index/index'] },
    { root: 'packages/one-thing', pages: ['pages/index/index'] },
  ],
  preloadRule: {
    'pages/index/index': {
      network: 'all',
      packages: ['packages/care-card', 'packages/youth-palace', 'packages/elevator', 'packages/one-thing'],
    },
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
  },
  tabBar: {
    color: '#4E5969',
    selectedColor: '#1A5FB4',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
