export default definePageConfig({ navigationBarTitleText: '青少年宫 · 孩子资料' })
