export default definePageConfig({ navigationBarTitleText: '表决记录' })
