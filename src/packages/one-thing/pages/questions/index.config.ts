export default definePageConfig({ navigationBarTitleText: '了解您的情况' })
