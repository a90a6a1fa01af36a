import { View } from '@tarojs/components'

/** A label and its value on one row (stacked in elder mode). */
export function KV({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="ev-kv" {...(id ? { id } : {})}>
      <View className="ev-kv-label">{label}</View>
      <View className="ev-kv-value">{value}</View>
    </View>
  )
}
