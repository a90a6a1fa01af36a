import { View } from '@tarojs/components'
import { Page } from '../../../../ui/Page'
import { Empty } from '../../../../ui/States'

/** 一件事: community-worker page of the one-thing subpackage (placeholder until its issue lands). */
export default function Worker() {
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>一件事 · 工作台</View>
      <Empty text="该功能即将上线。" />
    </Page>
  )
}
