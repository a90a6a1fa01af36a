import { View } from '@tarojs/components'
import { Page } from '../../../../ui/Page'
import { Empty } from '../../../../ui/States'

/** 青少年宫: community-worker page of the youth-palace subpackage (placeholder until its issue lands). */
export default function Worker() {
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>青少年宫 · 工作台</View>
      <Empty text="该功能即将上线。" />
    </Page>
  )
}
