import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Button } from '@/ui/Button'
import { NO_VOICE, platformSpeaker, type Speaker } from '@/ui/speech'

const tellNoVoice = () => {
  Taro.showToast({ title: NO_VOICE, icon: 'none', duration: 2500 }).catch(() => {})
}

/**
 * 朗读: a button that reads `text` aloud in Mandarin — the browser's speech synthesis on H5, the WechatSI
 * plugin on WeChat when the build enables it (`src/ui/speech.ts`). Where this phone cannot (no engine, no
 * Chinese voice, or the engine fails) a tap says 这部手机暂时不能朗读 instead of staying silent. While
 * reading, the button stops it; leaving the page stops it too.
 */
export function ReadAloud({ text, id = 'read-aloud', label = '朗读' }: { text: string; id?: string; label?: string }) {
  const speaker = useRef<Speaker | null | undefined>(undefined)
  const [speaking, setSpeaking] = useState(false)
  useEffect(() => () => speaker.current?.stop(), [])
  const start = async () => {
    if (speaker.current === undefined) speaker.current = platformSpeaker()
    const s = speaker.current
    if (!s) return tellNoVoice()
    setSpeaking(true)
    try {
      await s.speak(text)
    } catch {
      tellNoVoice()
    } finally {
      setSpeaking(false)
    }
  }
  const stop = () => {
    speaker.current?.stop()
    setSpeaking(false)
  }
  return (
    <View className="read-aloud">
      <Button id={id} kind="secondary" onTap={speaking ? stop : start}>
        {speaking ? '停止朗读' : label}
      </Button>
    </View>
  )
}
