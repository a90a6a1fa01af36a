import { View } from '@tarojs/components'
import { Page } from '../../../../ui/Page'
import { Empty } from '../../../../ui/States'

/** 一件事: main page of the one-thing subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>一件事</View>
      <Empty text="该服务即将上线，敬请期待。" />
    </Page>
  )
}
