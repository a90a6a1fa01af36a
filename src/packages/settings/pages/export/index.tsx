import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { exportMyData } from '@/api'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Loaded } from '@/ui/States'

/** A readable summary of everything stored about the user; copy it to keep it. */
export default function Export() {
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  // Loaded once when the page opens (a summary to copy; not fetched again on each show).
  const load = () => {
    setError(null)
    exportMyData().then((r) => setText(r.text), setError)
  }
  useLoad(load)
  return (
    <Page requireLogin title="我的数据">
      <View className="secondary">以下是我们保存的关于您的全部信息。只有您本人能看到完整的身份证号码。</View>
      <Loaded of={{ data: text, cause: error, loading: !text && !error, reload: load }} />
      {text && (
        <View className="card card-pad pre" id="export-text">
          {text}
        </View>
      )}
      {text && (
        <Button kind="secondary" onTap={() => Taro.setClipboardData({ data: text })}>
          复制全部内容
        </Button>
      )}
    </Page>
  )
}
