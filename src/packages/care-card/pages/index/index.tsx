import { View, Text } from '@tarojs/components'

/** 爱心卡: main page of the care-card subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <View className="page">
      <View className="card">
        <Text className="page-title">爱心卡</Text>
        <View className="secondary">该服务即将上线，敬请期待。</View>
      </View>
    </View>
  )
}
