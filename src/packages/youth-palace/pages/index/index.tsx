import { View, Text } from '@tarojs/components'

/** 青少年宫: main page of the youth-palace subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <View className="page">
      <View className="card">
        <Text className="page-title">青少年宫</Text>
        <View className="secondary">该服务即将上线，敬请期待。</View>
      </View>
    </View>
  )
}
