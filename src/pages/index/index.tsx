import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SERVICES } from './services'

/** Home (tab): the community's name and the four service entries. */
export default function Home() {
  return (
    <View className="page">
      <View className="card">
        <Text className="page-title" id="community-name">总浦桥社区</Text>
        <View className="secondary">宁波市镇海区招宝山街道</View>
      </View>
      <View className="grid">
        {SERVICES.map((s) => (
          <View
            key={s.key}
            id={`entry-${s.key}`}
            className="grid-item"
            onClick={() => Taro.navigateTo({ url: s.url })}
          >
            <Text className="grid-item-title">{s.title}</Text>
            <Text className="grid-item-desc">{s.desc}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
