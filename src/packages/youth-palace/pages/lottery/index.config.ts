export default definePageConfig({ navigationBarTitleText: '青少年宫 · 抽签结果' })
