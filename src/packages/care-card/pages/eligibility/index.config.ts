export default definePageConfig({ navigationBarTitleText: '是否符合条件' })
