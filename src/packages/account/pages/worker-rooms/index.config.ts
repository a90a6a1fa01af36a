export default definePageConfig({ navigationBarTitleText: '房屋核实' })
