export default definePageConfig({ navigationBarTitleText: '我的窗口预约' })
