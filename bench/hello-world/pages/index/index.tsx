import { Text, View } from '@tarojs/components'

/** The baseline page: one line of text. */
export default function Index() {
  return (
    <View className="page">
      <Text>Hello world</Text>
    </View>
  )
}
