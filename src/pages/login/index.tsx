import { View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage, listPersonas } from '@/api'
import type { PersonaDto } from '@/domain/shared/contracts'
import { useSession } from '@/stores/session'
import { returnAfterLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { PrivacyText } from '@/ui/PrivacyText'
import { href, openPage } from '@/ui/nav'

/** Where the guides are: they work without logging in (progress stays on this phone). */
const GUIDES = href.oneThing.index()

/**
 * Mock WeChat login: the privacy notice first, then every seeded resident, grouped by community. After
 * login, back to the page that sent the person here (`?redirect=`), else home.
 */
export default function Login() {
  const redirect = useRouter().params.redirect
  const accepted = useSession((s) => s.privacyAcceptedOnDevice)
  const acceptOnDevice = useSession((s) => s.acceptPrivacyOnDevice)
  const login = useSession((s) => s.login)
  const [personas, setPersonas] = useState<PersonaDto[] | null>(null)
  const [loadCause, setLoadCause] = useState<unknown>(null)
  /** A failed login, with 重试 logging in as the same person again. */
  const [error, setError] = useState<{ text: string; cause: unknown; retry: () => void } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  // The list loads once, when the page loads (not again each time it is shown): the public demo list.
  const load = () => {
    setLoadCause(null)
    listPersonas().then(setPersonas, (e) => setLoadCause(e ?? new Error('load failed')))
  }
  useLoad(load)

  const choose = async (p: PersonaDto) => {
    if (busy) return
    setBusy(p.userId)
    setError(null)
    try {
      await login(p.userId)
      await returnAfterLogin(redirect)
    } catch (e) {
      setError({ text: `没有登录成功：${errorMessage(e)}`, cause: e, retry: () => choose(p) })
    } finally {
      setBusy(null)
    }
  }

  if (!accepted) {
    return (
      <Page backTo={null} title="欢迎使用现代社区">
        <View className="card card-pad">
          <PrivacyText />
        </View>
        <Button id="accept-privacy" onTap={acceptOnDevice}>
          同意并继续
        </Button>
        <Button
          kind="secondary"
          id="decline-privacy"
          onTap={async () => {
            const { confirm } = await Taro.showModal({
              title: '需要您的同意',
              content: '不同意隐私说明也可以浏览“一件事”办事指南，但无法登录和办理业务。',
              confirmText: '看指南',
              cancelText: '返回',
            })
            if (confirm) openPage(GUIDES)
          }}
        >
          不同意
        </Button>
        <View className="card">
          <Cell
            id="guides-without-login"
            title="不登录，先看“一件事”办事指南"
            note="办事要带什么、去哪里办、期限多久"
            onTap={() => openPage(GUIDES)}
          />
        </View>
      </Page>
    )
  }

  const groups = new Map<string, PersonaDto[]>()
  for (const p of personas ?? []) groups.set(p.communityName, [...(groups.get(p.communityName) ?? []), p])

  return (
    <Page backTo={null} title="选择登录的居民">
      <View className="secondary">演示环境：模拟微信登录，请选择一位居民。</View>
      <Loaded of={{ data: personas, cause: loadCause, loading: !personas && !loadCause, reload: load }} lines={5} />
      {error && <ErrorNote text={error.text} cause={error.cause} onRetry={error.retry} />}
      {[...groups.entries()].map(([community, list]) => (
        <Section key={community} title={community}>
          {list.map((p) => (
            <View
              key={p.userId}
              id={`persona-${p.userId}`}
              className="cell cell-link persona"
              {...tappable(`${p.displayName}，${p.persona}`, () => choose(p))}
            >
              <View className="cell-title">
                {p.displayName}
                {busy === p.userId ? '（正在登录…）' : ''}
              </View>
              <View className="cell-note">{p.persona}</View>
            </View>
          ))}
        </Section>
      ))}
    </Page>
  )
}
