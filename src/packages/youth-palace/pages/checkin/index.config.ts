export default definePageConfig({ navigationBarTitleText: '青少年宫 · 签到码' })
