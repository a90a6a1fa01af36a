import { View, Text } from '@tarojs/components'

/** 加装电梯: main page of the elevator subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <View className="page">
      <View className="card">
        <Text className="page-title">加装电梯</Text>
        <View className="secondary">该服务即将上线，敬请期待。</View>
      </View>
    </View>
  )
}
