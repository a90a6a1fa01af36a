export default definePageConfig({ navigationBarTitleText: '为老人代办' })
