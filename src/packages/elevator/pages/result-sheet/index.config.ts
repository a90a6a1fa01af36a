export default definePageConfig({ navigationBarTitleText: '表决结果单' })
