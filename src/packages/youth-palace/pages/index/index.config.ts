export default definePageConfig({ navigationBarTitleText: '青少年宫' })
