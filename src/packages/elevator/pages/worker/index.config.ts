export default definePageConfig({ navigationBarTitleText: '加装电梯 · 工作台' })
