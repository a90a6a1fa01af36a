import { chineseVoice } from '@/packages/one-thing/components/ReadAloud'

const synthWith = (voices: { lang: string }[]) => ({ getVoices: () => voices })

describe('朗读 needs a Chinese voice (else the page says 此设备不支持朗读)', () => {
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
