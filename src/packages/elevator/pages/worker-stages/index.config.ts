export default definePageConfig({ navigationBarTitleText: '工程进度' })
