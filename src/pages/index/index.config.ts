export default definePageConfig({ navigationBarTitleText: '现代社区' })
