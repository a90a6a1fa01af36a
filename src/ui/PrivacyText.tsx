import { View } from '@tarojs/components'

/** The privacy notice in plain words (PIPL): what is collected, why, where it goes, your rights. */
export function PrivacyText() {
  return (
    <View className="privacy">
      <View className="section-title" role="heading" aria-level={2}>
        隐私说明
      </View>
      <View>为了给您办理社区服务，我们会在您同意后收集：</View>
      <View>· 姓名和身份证号码：用于实名认证，页面上只显示前 3 位和后 4 位；</View>
      <View>· 房屋和家人关系：用于加装电梯投票、亲友代办；</View>
      <View>· 您提交的申请材料和照片：只用于审核，由社区和街道工作人员查看。</View>
      <View>我们不会把身份证号码放进链接、日志或消息里，也不会提供给无关的第三方。</View>
      <View>您可以随时在“我的”中导出自己的数据，或注销账号并删除个人信息。</View>
    </View>
  )
}
