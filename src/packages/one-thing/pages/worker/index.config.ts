export default definePageConfig({ navigationBarTitleText: '一件事 · 工作台' })
