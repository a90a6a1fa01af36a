export default definePageConfig({ navigationBarTitleText: '费用分摊表' })
