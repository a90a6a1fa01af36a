export default definePageConfig({ navigationBarTitleText: '申请爱心卡' })
