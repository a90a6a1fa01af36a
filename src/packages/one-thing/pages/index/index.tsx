import { View, Text } from '@tarojs/components'

/** 一件事: main page of the one-thing subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <View className="page">
      <View className="card">
        <Text className="page-title">一件事</Text>
        <View className="secondary">该服务即将上线，敬请期待。</View>
      </View>
    </View>
  )
}
