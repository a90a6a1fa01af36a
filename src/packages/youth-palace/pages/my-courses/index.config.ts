export default definePageConfig({ navigationBarTitleText: '青少年宫 · 我的课程' })
