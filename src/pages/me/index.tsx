import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError, deleteAccount, errorMessage, getMe } from '@/api'
import { principalsOf, useFamily } from '@/stores/family'
import { useSession } from '@/stores/session'
import { setElderMode, useElderMode } from '@/stores/settings'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { useUnreadBadge } from '@/ui/useUnreadBadge'
import { Page } from '@/ui/Page'
import { ErrorNote, Section } from '@/ui/States'
import { SwitchRow } from '@/ui/Switch'
import { href, openPage, restartAt } from '@/ui/nav'

const ROLE_CN = { owner: '业主', tenant: '租户', family: '家属' } as const

/** Me (tab): real-name, rooms, family links and acting-for, elder mode, privacy, export, delete. */
export default function Me() {
  const me = useSession((s) => s.me)
  const actingFor = useSession((s) => s.actingFor)
  const setActingFor = useSession((s) => s.setActingFor)
  const links = useFamily((s) => s.links)
  const elder = useElderMode()
  useUnreadBadge()
  useDidShow(() => {
    if (!useSession.getState().token) return
    useSession
      .getState()
      .refreshMe()
      .catch(() => {})
    useFamily.getState().load()
  })
  const [deleting, setDeleting] = useState(false)
  const [deleteFailure, setDeleteFailure] = useState<unknown>(null)
  if (!me)
    return (
      <Page requireLogin>
        <View className="secondary">正在加载…</View>
      </Page>
    )

  /** Says the account is gone and what became of its bookings, then leaves for the login page. */
  const left = async (released?: string[]) => {
    useSession.getState().accountDeleted()
    // What became of each course and booking, when the answer arrived; the general rule otherwise.
    const details =
      released === undefined
        ? '孩子报名的课程和还没开始的服务预约已取消，免费取消期内的学费会原路退回。'
        : released.length
          ? `${released.join('；')}。`
          : ''
    await Taro.showModal({
      title: '账号已注销',
      content: `您的个人信息已删除。${details}`,
      showCancel: false,
      confirmText: '知道了',
    })
    restartAt(href.login())
  }
  /** Whether the account is gone: after a lost answer, its session no longer works (401). */
  const accountGone = () =>
    getMe().then(
      () => false,
      (x: unknown) => x instanceof ApiError && x.status === 401,
    )

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '注销账号',
      content:
        '注销后，您的姓名、身份证号码、房屋和代办关系都会删除，无法恢复。孩子报名的课程会取消（免费取消期内的学费原路退回），还没开始的爱心卡预约会取消。已投出的电梯选票仍按房屋保留，不显示姓名。',
      confirmText: '确认注销',
      confirmColor: '#C0392B',
    })
    if (!confirm || deleting) return
    setDeleting(true)
    setDeleteFailure(null)
    try {
      const { released } = await deleteAccount()
      await left(released ?? [])
    } catch (e) {
      // The deletion may have gone through with its answer lost: then its session is gone too, and a
      // retry or a check answers 401. Either way a 401 means this session is over: on to login.
      if (e instanceof ApiError && (e.status === 401 || (e.retryable && (await accountGone())))) await left()
      else setDeleteFailure(e)
    } finally {
      setDeleting(false)
    }
  }

  return (
    <Page requireLogin title={me.displayName}>
      <View className="secondary">
        {me.community.name}
        {me.role === 'worker' ? ' · 社区工作人员' : ''}
      </View>

      <Section title="实名信息">
        {me.realName ? (
          <Cell title={me.realName.name} note={`身份证 ${me.realName.idNumberMasked}`} value="已实名" />
        ) : (
          <Cell
            id="go-real-name"
            title="尚未实名认证"
            note="办理爱心卡、投票等需要先实名"
            value="去认证"
            onTap={() => openPage(href.account.realName())}
          />
        )}
      </Section>

      <Section title="我的房屋">
        {me.rooms.map((r) => (
          <Cell
            key={r.roomId}
            title={r.label}
            note={`${ROLE_CN[r.role]}${r.area ? ` · 登记面积 ${r.area.toFixed(2)} ㎡` : ''}${r.verified ? '' : r.status === 'rejected' ? ' · 核实未通过' : ' · 待社区核实'}`}
          />
        ))}
        <Cell
          id="go-rooms"
          title={me.rooms.length ? '绑定其他房屋' : '还没有绑定房屋'}
          value="去绑定"
          onTap={() => openPage(href.account.rooms())}
        />
      </Section>

      <Section title="亲友代办">
        {principalsOf(links).map((l) => (
          <Cell
            key={l.id}
            id={`act-for-${l.principal.userId}`}
            title={
              actingFor?.userId === l.principal.userId
                ? `正在为 ${l.principal.name} 代办`
                : `为 ${l.principal.name}（${l.relationship === '子女' ? '父母' : '家人'}）代办`
            }
            value={actingFor?.userId === l.principal.userId ? '切换回本人' : '切换'}
            onTap={() =>
              setActingFor(
                actingFor?.userId === l.principal.userId
                  ? null
                  : { userId: l.principal.userId, name: l.principal.name },
              )
            }
          />
        ))}
        <Cell
          id="go-family"
          title="管理亲友代办"
          note="申请为家人代办、确认或撤销授权"
          onTap={() => openPage(href.account.family())}
        />
      </Section>

      <Section title="设置">
        <SwitchRow id="me-elder-switch" title="长辈模式" note="字更大、按钮更大" on={elder} onChange={setElderMode} />
        <Cell id="go-message-settings" title="消息设置" onTap={() => openPage(href.settings.messages())} />
        <Cell title="隐私说明" onTap={() => openPage(href.account.privacy())} />
        <Cell id="go-export" title="导出我的数据" onTap={() => openPage(href.settings.export())} />
        <Cell id="go-devices" title="登录设备" onTap={() => openPage(href.settings.devices())} />
        {me.role === 'worker' && (
          <Cell
            id="go-worker"
            title="社区工作台"
            note="审核、派单、录入纸质选票"
            onTap={() => openPage(href.account.worker())}
          />
        )}
        {!process.env.TARO_APP_API_BASE && (
          <Cell
            id="go-dev"
            title="演示设置"
            note="模拟时间、网络故障、重置数据"
            onTap={() => openPage(href.settings.dev())}
          />
        )}
      </Section>

      <Button
        kind="secondary"
        onTap={async () => {
          await useSession.getState().logout()
          restartAt(href.login())
        }}
      >
        退出登录
      </Button>
      <Button kind="danger" id="delete-account" loading={deleting} onTap={remove}>
        注销账号
      </Button>
      {!!deleteFailure && <ErrorNote text={`没有注销成功：${errorMessage(deleteFailure)}`} cause={deleteFailure} />}
    </Page>
  )
}
