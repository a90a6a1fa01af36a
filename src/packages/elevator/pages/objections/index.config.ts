export default definePageConfig({ navigationBarTitleText: '公示与异议' })
