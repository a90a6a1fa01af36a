export default definePageConfig({ navigationBarTitleText: '爱心卡 · 工作台' })
