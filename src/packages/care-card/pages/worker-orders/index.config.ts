export default definePageConfig({ navigationBarTitleText: '服务派单' })
