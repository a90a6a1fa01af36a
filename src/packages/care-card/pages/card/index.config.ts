export default definePageConfig({ navigationBarTitleText: '爱心卡余额' })
