export default definePageConfig({ navigationBarTitleText: '异议与协商调解' })
