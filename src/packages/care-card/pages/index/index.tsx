import { View } from '@tarojs/components'
import { Page } from '../../../../ui/Page'
import { Empty } from '../../../../ui/States'

/** 爱心卡: main page of the care-card subpackage (placeholder until its issue lands). */
export default function ServiceHome() {
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>爱心卡</View>
      <Empty text="该服务即将上线，敬请期待。" />
    </Page>
  )
}
