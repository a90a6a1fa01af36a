import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button } from '@/ui/Button'

/** Said when the device cannot read Chinese aloud. */
const NO_VOICE = '此设备不支持朗读'

interface Voice {
  lang: string
  name?: string
}
interface Synth {
  getVoices?: () => Voice[]
  addEventListener?: (type: string, fn: () => void) => void
  removeEventListener?: (type: string, fn: () => void) => void
}

/**
 * A Chinese (Mandarin) voice of the browser, or null when it has none. Voices may load after the page:
 * waits up to `waitMs` for `voiceschanged`. A browser that cannot list voices is trusted to have one.
 */
export async function chineseVoice(synth: Synth, waitMs = 1000): Promise<Voice | 'unknown' | null> {
  if (typeof synth.getVoices !== 'function') return 'unknown'
  const pick = () =>
    synth.getVoices!().find((v) => /^(zh|cmn)([-_](CN|Hans|SG))?/i.test(v.lang) && !/HK|TW|yue/i.test(v.lang)) ?? null
  if (synth.getVoices().length > 0 || typeof synth.addEventListener !== 'function') return pick()
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      synth.removeEventListener?.('voiceschanged', done)
      resolve()
    }
    const timer = setTimeout(done, waitMs)
    synth.addEventListener!('voiceschanged', done)
  })
  return pick()
}

/** The browser's speech synthesis; only where `canReadAloud()` said it exists. */
const speech = () =>
  globalThis as unknown as {
    speechSynthesis: SpeechSynthesis
    SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance
  }

const tellNoVoice = () => {
  Taro.showToast({ title: NO_VOICE, icon: 'none', duration: 2500 }).catch(() => {})
}

/** Whether this platform can read text aloud (H5 with the browser's speech synthesis; never WeChat). */
function canReadAloud(): boolean {
  if (process.env.TARO_ENV !== 'h5') return false
  const w = globalThis as unknown as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown }
  return (
    typeof w.speechSynthesis === 'object' &&
    w.speechSynthesis !== null &&
    typeof w.SpeechSynthesisUtterance === 'function'
  )
}

/**
 * 朗读: reads `text` with the browser's speech synthesis in Chinese (zh-CN). Renders nothing where the
 * platform has none (WeChat, or a browser without speechSynthesis); where the browser has no Chinese
 * voice, or speaking fails, a tap says 此设备不支持朗读 instead of staying silent.
 */
export function ReadAloud({
  text,
  id = 'read-aloud',
  label = '朗读办事清单',
}: {
  text: string
  id?: string
  label?: string
}) {
  const [supported, setSupported] = useState(false)
  const [speaking, setSpeaking] = useState(false)
  useEffect(() => {
    setSupported(canReadAloud())
    return () => {
      if (canReadAloud()) speech().speechSynthesis.cancel?.()
    }
  }, [])
  if (!supported) return null
  const synth = speech().speechSynthesis
  const start = async () => {
    synth.cancel?.()
    const voice = await chineseVoice(synth)
    if (!voice) {
      tellNoVoice()
      return
    }
    const u = new (speech().SpeechSynthesisUtterance)(text)
    u.lang = 'zh-CN'
    if (voice !== 'unknown') u.voice = voice as SpeechSynthesisVoice
    u.rate = 0.9
    u.onend = () => setSpeaking(false)
    u.onerror = (e: { error?: string }) => {
      setSpeaking(false)
      // Stopping on purpose is not a failure.
      if (e?.error !== 'interrupted' && e?.error !== 'canceled') tellNoVoice()
    }
    setSpeaking(true)
    synth.speak(u)
  }
  const stop = () => {
    synth.cancel?.()
    setSpeaking(false)
  }
  return (
    <View className="read-aloud">
      {speaking ? (
        <Button id={id} kind="secondary" onTap={stop}>
          停止朗读
        </Button>
      ) : (
        <Button id={id} kind="secondary" onTap={start}>
          {label}
        </Button>
      )}
    </View>
  )
}
