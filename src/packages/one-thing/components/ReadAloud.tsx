import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Button } from '../../../ui/Button'

/** Whether this platform can read text aloud (H5 with the browser's speech synthesis; never WeChat). */
export function canReadAloud(): boolean {
  if (process.env.TARO_ENV !== 'h5') return false
  const w = globalThis as unknown as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown }
  return typeof w.speechSynthesis === 'object' && w.speechSynthesis !== null && typeof w.SpeechSynthesisUtterance === 'function'
}

/**
 * 朗读: reads `text` with the browser's speech synthesis in Chinese (zh-CN). Renders nothing where the
 * platform has none (WeChat, or a browser without speechSynthesis).
 */
export function ReadAloud({ text, id = 'read-aloud', label = '朗读办事清单' }: { text: string; id?: string; label?: string }) {
  const [supported, setSupported] = useState(false)
  const [speaking, setSpeaking] = useState(false)
  useEffect(() => {
    setSupported(canReadAloud())
    return () => {
      if (canReadAloud()) (globalThis as any).speechSynthesis.cancel?.()
    }
  }, [])
  if (!supported) return null
  const synth = (globalThis as any).speechSynthesis
  const start = () => {
    synth.cancel?.()
    const u = new (globalThis as any).SpeechSynthesisUtterance(text)
    u.lang = 'zh-CN'
    u.rate = 0.9
    u.onend = () => setSpeaking(false)
    u.onerror = () => setSpeaking(false)
    setSpeaking(true)
    synth.speak(u)
  }
  const stop = () => {
    synth.cancel?.()
    setSpeaking(false)
  }
  return (
    <View className="read-aloud">
      {speaking
        ? <Button id={id} kind="secondary" onTap={stop}>停止朗读</Button>
        : <Button id={id} kind="secondary" onTap={start}>{label}</Button>}
    </View>
  )
}
