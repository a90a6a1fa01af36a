export default definePageConfig({ navigationBarTitleText: '告知记录' })
