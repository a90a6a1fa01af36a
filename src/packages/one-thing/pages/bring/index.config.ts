export default definePageConfig({ navigationBarTitleText: '要带的材料' })
