import { Page } from '@/ui/Page'
import { PrivacyText } from './PrivacyText'
import { View } from '@tarojs/components'

/** The privacy notice, reachable from "我的". */
export default function Privacy() {
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        隐私说明
      </View>
      <View className="card card-pad">
        <PrivacyText />
      </View>
    </Page>
  )
}
