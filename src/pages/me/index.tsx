import { View, Text } from '@tarojs/components'

/** Me (tab): the resident's own information; filled by the app-shell issue. */
export default function Me() {
  return (
    <View className="page">
      <View className="card">
        <Text className="page-title">我的</Text>
        <View className="secondary">登录后可查看实名信息和绑定的房屋。</View>
      </View>
    </View>
  )
}
