import Taro from '@tarojs/taro'
import { chineseVoice, NO_VOICE, platformSpeaker, speechChunks } from '@/ui/speech'

const synthWith = (voices: { lang: string }[]) => ({ getVoices: () => voices })

describe('朗读 needs a Chinese voice (else the page says 这部手机暂时不能朗读)', () => {
  it('finds a Mandarin voice', async () => {
    expect(await chineseVoice(synthWith([{ lang: 'en-US' }, { lang: 'zh-CN' }]))).toEqual({ lang: 'zh-CN' })
    expect(await chineseVoice(synthWith([{ lang: 'cmn-Hans-CN' }]))).toEqual({ lang: 'cmn-Hans-CN' })
  })

  it('has none when the browser offers only other languages, or Cantonese / Taiwan voices', async () => {
    expect(await chineseVoice(synthWith([{ lang: 'en-US' }, { lang: 'de-DE' }]))).toBeNull()
    expect(await chineseVoice(synthWith([{ lang: 'zh-HK' }, { lang: 'zh-TW' }]))).toBeNull()
  })

  it('waits for voices that load late, and gives up after the wait', async () => {
    const voices: { lang: string }[] = []
    const listeners: (() => void)[] = []
    const synth = {
      getVoices: () => voices,
      addEventListener: (_t: string, fn: () => void) => listeners.push(fn),
      removeEventListener: () => {},
    }
    const found = chineseVoice(synth, 1000)
    voices.push({ lang: 'zh-CN' })
    listeners.forEach((fn) => fn())
    expect(await found).toEqual({ lang: 'zh-CN' })
    expect(
      await chineseVoice({ getVoices: () => [], addEventListener: () => {}, removeEventListener: () => {} }, 10),
    ).toBeNull()
  })

  it('trusts a browser that cannot list its voices', async () => {
    expect(await chineseVoice({})).toBe('unknown')
  })
})

describe('朗读 on WeChat through the WechatSI plugin (TARO_APP_WECHAT_SI=1)', () => {
  const env = { ...process.env }
  afterEach(() => {
    process.env = { ...env }
    delete (globalThis as { requirePlugin?: unknown }).requirePlugin
  })

  it('splits long text at sentence ends into pieces the plugin takes (≤ 300 characters)', () => {
    const long = `${'请携带身份证原件。'.repeat(50)}最后一句`
    const pieces = speechChunks(long)
    expect(pieces.every((p) => p.length <= 300)).toBe(true)
    expect(pieces.join('')).toBe(long)
    expect(pieces[0].endsWith('。')).toBe(true)
    expect(speechChunks('短句。')).toEqual(['短句。'])
    expect(speechChunks('')).toEqual([])
  })

  it('is off without the switch, and with it plays each piece in turn', async () => {
    process.env.TARO_ENV = 'weapp'
    delete process.env.TARO_APP_WECHAT_SI
    expect(platformSpeaker()).toBeNull()

    const asked: string[] = []
    const played: string[] = []
    ;(globalThis as { requirePlugin?: unknown }).requirePlugin = (name: string) => {
      expect(name).toBe('WechatSI')
      return {
        textToSpeech: (o: { content: string; success: (r: { retcode: number; filename: string }) => void }) => {
          asked.push(o.content)
          o.success({ retcode: 0, filename: `tts-${asked.length}.mp3` })
        },
      }
    }
    const taro = Taro as unknown as { createInnerAudioContext: () => unknown }
    taro.createInnerAudioContext = () => {
      const a = { src: '', ended: () => {} } as Record<string, unknown> & { ended: () => void; src: string }
      return Object.assign(a, {
        onEnded: (fn: () => void) => (a.ended = fn),
        onStop: () => {},
        onError: () => {},
        play: () => {
          played.push(a.src)
          a.ended()
        },
        stop: () => {},
        destroy: () => {},
      })
    }
    process.env.TARO_APP_WECHAT_SI = '1'
    const speaker = platformSpeaker()!
    await speaker.speak(`${'一'.repeat(299)}。${'二'.repeat(10)}。`)
    expect(asked).toEqual([`${'一'.repeat(299)}。`, `${'二'.repeat(10)}。`])
    expect(played).toEqual(['tts-1.mp3', 'tts-2.mp3'])
  })

  it('a plugin failure rejects (the button then says 这部手机暂时不能朗读)', async () => {
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_WECHAT_SI = '1'
    ;(globalThis as { requirePlugin?: unknown }).requirePlugin = () => ({
      textToSpeech: (o: { fail: (r: unknown) => void }) => o.fail({ retcode: -20005 }),
    })
    await expect(platformSpeaker()!.speak('你好。')).rejects.toThrow(NO_VOICE)
  })
})
