export default definePageConfig({ navigationBarTitleText: '演示设置' })
