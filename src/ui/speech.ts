/**
 * Reading text aloud (朗读): the platform's engine, chosen once.
 * - H5: the browser's speech synthesis with a Mandarin voice (`chineseVoice`).
 * - WeChat: the WechatSI plugin (微信同声传译, `textToSpeech`), only when the build sets
 *   `TARO_APP_WECHAT_SI=1` — the plugin must first be added to the mini-program's appid in the WeChat
 *   admin console (设置 → 第三方设置 → 插件管理), and `app.config.ts` then declares it.
 * - Anything else: no engine; the 朗读 button then says plainly that this phone cannot read aloud.
 */
import Taro from '@tarojs/taro'

/** Said when this phone cannot read Chinese aloud. */
export const NO_VOICE = '这部手机暂时不能朗读'

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

/**
 * Splits text into pieces of at most `maxChars` characters, at sentence ends where it can (WechatSI's
 * `textToSpeech` takes at most 1000 bytes, about 330 Chinese characters, per call).
 */
export function speechChunks(text: string, maxChars = 300): string[] {
  const sentences = text.match(/[^。！？；\n]+[。！？；\n]?/g) ?? []
  const out: string[] = []
  let cur = ''
  for (const s of sentences.map((x) => x.trim()).filter(Boolean)) {
    for (let i = 0; i < s.length; i += maxChars) {
      const piece = s.slice(i, i + maxChars)
      if ((cur + piece).length > maxChars) {
        if (cur) out.push(cur)
        cur = piece
      } else cur += piece
    }
  }
  if (cur) out.push(cur)
  return out
}

/** A way to read text aloud: `speak` resolves when done or stopped; rejects when the engine fails. */
export interface Speaker {
  speak(text: string): Promise<void>
  stop(): void
}

interface BrowserSpeech {
  speechSynthesis: SpeechSynthesis
  SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance
}

function browserSpeaker(w: BrowserSpeech): Speaker {
  const synth = w.speechSynthesis
  return {
    async speak(text) {
      synth.cancel?.()
      const voice = await chineseVoice(synth)
      if (!voice) throw new Error(NO_VOICE)
      await new Promise<void>((resolve, reject) => {
        const u = new w.SpeechSynthesisUtterance(text)
        u.lang = 'zh-CN'
        if (voice !== 'unknown') u.voice = voice as SpeechSynthesisVoice
        u.rate = 0.9
        u.onend = () => resolve()
        // Stopping on purpose is not a failure.
        u.onerror = (e: { error?: string }) =>
          e?.error === 'interrupted' || e?.error === 'canceled' ? resolve() : reject(new Error(NO_VOICE))
        synth.speak(u)
      })
    },
    stop: () => synth.cancel?.(),
  }
}

interface WechatSI {
  textToSpeech(o: {
    lang: 'zh_CN'
    tts: boolean
    content: string
    success: (r: { retcode: number; filename: string }) => void
    fail: (r: unknown) => void
  }): void
}

function wechatSpeaker(plugin: WechatSI): Speaker {
  let audio: Taro.InnerAudioContext | null = null
  let stopped = false
  const play = (content: string) =>
    new Promise<void>((resolve, reject) => {
      plugin.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content,
        success: (r) => {
          if (stopped) return resolve()
          if (r.retcode !== 0 || !r.filename) return reject(new Error(NO_VOICE))
          audio = Taro.createInnerAudioContext()
          audio.src = r.filename
          audio.onEnded(() => resolve())
          audio.onStop(() => resolve())
          audio.onError(() => reject(new Error(NO_VOICE)))
          audio.play()
        },
        fail: () => reject(new Error(NO_VOICE)),
      })
    })
  return {
    async speak(text) {
      stopped = false
      for (const piece of speechChunks(text)) {
        if (stopped) break
        await play(piece)
        audio?.destroy()
        audio = null
      }
    },
    stop() {
      stopped = true
      audio?.stop()
    },
  }
}

/** This platform's speaker, or null when it cannot read aloud (then the page says `NO_VOICE`). */
export function platformSpeaker(): Speaker | null {
  if (process.env.TARO_ENV === 'h5') {
    const w = globalThis as unknown as Partial<BrowserSpeech>
    return typeof w.speechSynthesis === 'object' &&
      w.speechSynthesis &&
      typeof w.SpeechSynthesisUtterance === 'function'
      ? browserSpeaker(w as BrowserSpeech)
      : null
  }
  if (process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_WECHAT_SI === '1') {
    const req = (globalThis as unknown as { requirePlugin?: (name: string) => WechatSI }).requirePlugin
    try {
      return req ? wechatSpeaker(req('WechatSI')) : null
    } catch {
      return null
    }
  }
  return null
}
