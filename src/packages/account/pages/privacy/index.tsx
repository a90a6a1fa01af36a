import { Page } from '@/ui/Page'
import { PrivacyText } from '@/ui/PrivacyText'
import { View } from '@tarojs/components'

/** The privacy notice, reachable from "我的". */
export default function Privacy() {
  return (
    <Page title="隐私说明">
      <View className="card card-pad">
        <PrivacyText />
      </View>
    </Page>
  )
}
