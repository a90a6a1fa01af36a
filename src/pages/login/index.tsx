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
/** 微信一键登录: in WeChat against a real server (the embedded demo has persona login only). */
const WECHAT_LOGIN = process.env.TARO_ENV === 'weapp' && !!process.env.TARO_APP_API_BASE

/**
 * Login: the privacy notice first, then 微信一键登录 (in WeChat, real server) and, in demo mode, every
 * seeded resident grouped by community (a production server answers the list 404: none shown). After
 * login, back to the page that sent the person here (`?redirect=`), else home.
 */
export default function Login() {
  const redirect = useRouter().params.redirect
  const accepted = useSession((s) => s.privacyAcceptedOnDevice)
  const acceptOnDevice = useSession((s) => s.acceptPrivacyOnDevice)
  const login = useSession((s) => s.login)
  const loginWithWechat = useSession((s) => s.loginWithWechat)
  const [personas, setPersonas] = useState<PersonaDto[] | null>(null)
  const [loadCause, setLoadCause] = useState<unknown>(null)
  /** A failed login, with 重试 logging in as the same person again. */
  const [error, setError] = useState<{ text: string; cause: unknown; retry: () => void } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  // The list loads once, when the page loads (not again each time it is shown): the public demo list.
  const load = () => {
    setLoadCause(null)
    // Persona login exists only in demo mode: elsewhere the list answers 404 and only WeChat login shows.
    listPersonas().then(setPersonas, (e) =>
      (e as { status?: number })?.status === 404 ? setPersonas([]) : setLoadCause(e ?? new Error('load failed')),
    )
  }
  useLoad(load)

  /** Logs in (as `who`: a persona's id, or 'wechat'); a failure keeps what 重试 does. */
  const choose = async (who: string) => {
    if (busy) return
    setBusy(who)
    setError(null)
    try {
      await (who === 'wechat' ? loginWithWechat() : login(who))
      await returnAfterLogin(redirect)
    } catch (e) {
      setError({ text: `没有登录成功：${errorMessage(e)}`, cause: e, retry: () => choose(who) })
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
    <Page backTo={null} title={personas?.length ? '选择登录的居民' : '登录'}>
      {WECHAT_LOGIN && (
        <Button id="wechat-login" loading={busy === 'wechat'} onTap={() => choose('wechat')}>
          微信一键登录
        </Button>
      )}
      {!!personas?.length && <View className="secondary">演示环境：模拟微信登录，请选择一位居民。</View>}
      <Loaded of={{ data: personas, cause: loadCause, loading: !personas && !loadCause, reload: load }} lines={5} />
      {error && <ErrorNote text={error.text} cause={error.cause} onRetry={error.retry} />}
      {[...groups.entries()].map(([community, list]) => (
        <Section key={community} title={community}>
          {list.map((p) => (
            <View
              key={p.userId}
              id={`persona-${p.userId}`}
              className="cell cell-link persona"
              {...tappable(`${p.displayName}，${p.persona}`, () => choose(p.userId))}
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
