import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useFamily, pendingForMe } from '@/stores/family'
import { useMessages } from '@/stores/messages'
import { useSession } from '@/stores/session'
import { setElderMode, useElderMode, useElderOffer, useSettings } from '@/stores/settings'
import { useTodos } from '@/stores/todos'
import { call, maskPhone } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Page, PageTitle } from '@/ui/Page'
import { Section } from '@/ui/States'
import { SwitchRow } from '@/ui/Switch'
import { tappable } from '@/ui/tappable'
import { useUnreadBadge } from '@/ui/useUnreadBadge'
import { SERVICES } from './services'
import { href, openLink, openPage } from '@/ui/nav'

/** The elderly-service hotline (Zhejiang). */
export const ELDER_HOTLINE = '96345'

/** Home (tab): community, grid worker and hotline, the four services, to-dos, elder mode. */
export default function Home() {
  const me = useSession((s) => s.me)
  const elder = useElderMode()
  const offer = useElderOffer()
  const unread = useMessages((s) => s.unread)
  const links = useFamily((s) => s.links)
  const pending = pendingForMe(links)
  const deadlines = useTodos((s) => s.items)
  // Answers waited for: a family request, a place to confirm before its deadline.
  const waiting = pending.length + deadlines.length

  const unreadFailed = useMessages((s) => s.unreadFailed)
  const familyFailed = useFamily((s) => s.status === 'error')
  const todosFailed = useTodos((s) => s.status === 'error')
  const todoFailed = unreadFailed || familyFailed || todosFailed

  /** The to-dos: unread messages, family requests waiting for this person, things due by a deadline. */
  const loadTodos = () => {
    void useMessages.getState().refreshUnread()
    useFamily.getState().load()
    useTodos.getState().load()
  }
  useUnreadBadge()
  useDidShow(() => {
    if (!useSession.getState().token) return
    useSession
      .getState()
      .refreshMe()
      .catch(() => {})
    loadTodos()
  })

  if (!me)
    return (
      <Page requireLogin>
        <View className="secondary">正在进入…</View>
      </Page>
    )
  const community = me.community

  /** The to-dos: requests waiting for an answer, deadlines, unread messages, or a retry when they did not load. */
  const todo = (
    <Section title="我的待办" id="todo">
      {pending.map((l) => (
        <Cell
          key={l.id}
          title={`${l.proxy.name}申请为您代办`}
          note="请确认或拒绝"
          onTap={() => openPage(href.account.family())}
        />
      ))}
      {deadlines.map((t) => (
        <Cell
          key={t.id}
          id={`todo-${t.id.replace(/[^A-Za-z0-9_-]/g, '-')}`}
          title={t.title}
          note={t.note}
          onTap={() => openLink(t.link)}
        />
      ))}
      {unread > 0 && (
        <Cell id="todo-messages" title={`您有 ${unread} 条未读消息`} onTap={() => openPage(href.messages())} />
      )}
      {todoFailed && (
        <Cell
          id="todo-retry"
          title="暂时加载不了，点此重试"
          note="网络不太稳定，待办事项没有加载出来"
          onTap={loadTodos}
        />
      )}
      {!todoFailed && waiting === 0 && unread === 0 && (
        <View className="cell">
          <View className="cell-note">暂时没有需要您处理的事情。</View>
        </View>
      )}
    </Section>
  )

  return (
    <Page requireLogin>
      <View className="card card-pad">
        <PageTitle id="community-name">{community.name}</PageTitle>
        <View className="secondary">
          {community.city}
          {community.district !== community.city ? community.district : ''}
          {community.street}
        </View>
        <View className="secondary">您好，{me.displayName}</View>
      </View>

      <SwitchRow
        id="elder-switch"
        title="长辈模式"
        note="字更大、按钮更大、页面更简洁"
        on={elder}
        onChange={setElderMode}
      />

      {offer && (
        <View className="notice" id="elder-offer">
          <View>您已年满 70 岁，开启“长辈模式”后字和按钮会更大。</View>
          <View className="btn-row">
            <Button onTap={() => setElderMode(true)}>开启长辈模式</Button>
            <Button kind="secondary" onTap={() => useSettings.getState().answerOffer(me.id)}>
              暂不需要
            </Button>
          </View>
        </View>
      )}

      {/* A request or a deadline waiting for the person's answer comes before the services, within the first
          screen. */}
      {waiting > 0 && todo}

      <View className="section-title" role="heading" aria-level={2}>
        社区服务
      </View>
      <View className="grid">
        {SERVICES.map((s) => (
          <View
            key={s.key}
            id={`entry-${s.key}`}
            className="grid-item"
            {...tappable(`${s.title}，${s.desc}`, () => openPage(s.url))}
          >
            <View className="grid-item-title">{s.title}</View>
            <View className="grid-item-desc">{s.desc}</View>
          </View>
        ))}
      </View>

      {!waiting && todo}

      {me.role === 'worker' ? (
        // A worker is the community's contact: her hub instead of a button to call herself.
        <Section title="社区工作">
          <Cell
            id="home-go-worker"
            title="社区工作台"
            note="审核、派单、录入纸质选票、代办授权"
            onTap={() => openPage(href.account.worker())}
          />
          <View className="call-row">
            <Button
              id="call-hotline"
              kind="secondary"
              label="养老热线 96345（养老服务）"
              onTap={() => call(ELDER_HOTLINE)}
            >
              养老热线 96345
            </Button>
          </View>
        </Section>
      ) : (
        <Section title="有事找社区">
          <View className="cell-note">
            网格员 {community.gridWorker.name}（{maskPhone(community.gridWorker.phone)}）
          </View>
          <View className="call-row">
            <Button
              id="call-grid-worker"
              kind="secondary"
              label={`打给网格员${community.gridWorker.name}`}
              onTap={() => call(community.gridWorker.phone)}
            >
              打给网格员
            </Button>
            <Button
              id="call-hotline"
              kind="secondary"
              label="养老热线 96345（养老服务）"
              onTap={() => call(ELDER_HOTLINE)}
            >
              养老热线 96345
            </Button>
          </View>
        </Section>
      )}
    </Page>
  )
}
