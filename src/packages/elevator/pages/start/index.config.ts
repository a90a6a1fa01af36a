export default definePageConfig({ navigationBarTitleText: '发起加装电梯' })
