import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { tappable } from '@/ui/tappable'
import { SERVICES } from './services'

/** Home (tab): the community's name and the four service entries. */
export default function Home() {
  return (
    <View className="page">
      <View className="card">
        <View className="page-title" id="community-name" role="heading" aria-level={1}>总浦桥社区</View>
        <View className="secondary">宁波市镇海区招宝山街道</View>
      </View>
      <View className="grid">
        {SERVICES.map((s) => (
          <View
            key={s.key}
            id={`entry-${s.key}`}
            className="grid-item"
            {...tappable(`${s.title}，${s.desc}`, () => Taro.navigateTo({ url: s.url }))}
          >
            <Text className="grid-item-title">{s.title}</Text>
            <Text className="grid-item-desc">{s.desc}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
