export default definePageConfig({ navigationBarTitleText: '青少年宫 · 添加课程' })
