import { View } from '@tarojs/components'
import { Page } from '../../../../ui/Page'
import { Empty } from '../../../../ui/States'

/** 青少年宫: main page of the youth-palace subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>青少年宫</View>
      <Empty text="该服务即将上线，敬请期待。" />
    </Page>
  )
}
