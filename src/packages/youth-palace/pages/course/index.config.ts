export default definePageConfig({ navigationBarTitleText: '青少年宫 · 课程详情' })
