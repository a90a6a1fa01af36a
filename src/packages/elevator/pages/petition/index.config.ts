export default definePageConfig({ navigationBarTitleText: '加装电梯表决', enableShareAppMessage: true })
