/** A bare Taro 4 React app, built the same way as ours, as the benchmark's baseline (npm run bench). */
export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'Hello' } })
