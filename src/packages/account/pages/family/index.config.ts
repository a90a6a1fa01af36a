export default definePageConfig({ navigationBarTitleText: '亲友代办' })
