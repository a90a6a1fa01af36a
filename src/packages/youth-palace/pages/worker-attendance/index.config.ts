export default definePageConfig({ navigationBarTitleText: '青少年宫 · 名单与点名' })
