import { View } from '@tarojs/components'
import { ApiError } from '@/api'
import { getCareCard, listCareApplications } from '@/api/endpoints/care-card'
import type { CareApplicationDto, CareCardHomeDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { useSession } from '@/stores/session'
import { ActingForSwitch } from '@/ui/ActingForSwitch'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Page } from '@/ui/Page'
import { Loaded, Section } from '@/ui/States'
import { Timeline } from '@/packages/care-card/components/Timeline'
import { useWho } from '@/packages/care-card/components/useWho'
import { APP_TAG } from '@/packages/care-card/components/words'
import { useLoader } from '@/ui/useLoader'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/** The hub's data, and whose it is (the user's id, or the principal's while acting for someone). */
type Hub = { card: CareCardHomeDto | null; apps: CareApplicationDto[]; of: string }

/**
 * 爱心卡 hub: for the current person (self or the elder acted for): no card → check and apply; under review → timeline;
 * card → balances and links.
 */
export default function CareCardHome() {
  const who = useWho()
  const isWorker = useSession((s) => s.me?.role === 'worker')
  const whose = useSession((s) => s.actingFor?.userId ?? s.me?.id ?? '')
  const loaded = useLoader<Hub>(async () => {
    const { actingFor, me } = useSession.getState()
    const of = actingFor?.userId ?? me?.id ?? ''
    try {
      return { card: await getCareCard(undefined, 1), apps: [], of }
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'NO_CARD') throw e
      return { card: null, apps: await listCareApplications(), of }
    }
  })
  const { cause, loading, reload } = loaded
  // Right after switching whom the user acts for, the previous person's card is not shown.
  const data = loaded.data?.of === whose ? loaded.data : null

  const card = data?.card
  const latest = data?.apps[0]
  const open = latest && (latest.status === 'community_review' || latest.status === 'street_review')

  return (
    <Page requireLogin title="养老服务爱心卡">
      <View className="secondary">{who.self ? '我的爱心卡' : `${who.name}的爱心卡`}</View>
      <ActingForSwitch what="爱心卡" onSwitched={reload} />
      <Loaded of={{ data, cause, loading, reload }} />

      {card && (
        <View id="card-summary">
          {card.status === 'scheduled' && (
            <View className="notice">
              爱心卡将于 {formatDateCn(card.activeFrom)} 起生效，届时每月 1 日发放额度，就可以预约服务了。
            </View>
          )}
          <View className="cc-row">
            <View className="cc-hero">
              <View className="cc-hero-label">现在可用余额</View>
              <View className="cc-hero-amount" id="balance">
                {formatFen(card.balanceFen)}
              </View>
              <View className="cell-note">
                本月发放 {formatFen(card.thisMonth.issuedFen)}，已用 {formatFen(card.thisMonth.spentFen)}
              </View>
            </View>
            <View className="cc-hero">
              <View className="cc-hero-label">{card.year.year} 年累计</View>
              <View className="cc-hero-amount">{formatFen(card.year.issuedFen)}</View>
              <View className="cell-note">
                已用 {formatFen(card.year.chargedFen - card.year.refundedFen)}
                {card.heldFen > 0 ? `，预约冻结 ${formatFen(card.heldFen)}` : ''}
              </View>
            </View>
          </View>
          <View className="notice">
            未用完的额度在 {formatDateCn(card.lapsesOn)} 后清零，不能提现，请在年底前使用。
          </View>
          <Section title="用卡">
            <Cell
              id="go-card"
              title="余额明细和付款码"
              note="出示付款码，在助餐点等服务点付款"
              onTap={() => openPage(href.careCard.card())}
            />
            <Cell
              id="go-services"
              title="预约服务"
              note="助餐、助浴、助洁、助行、助医、助急"
              onTap={() => openPage(href.careCard.services())}
            />
            <Cell
              id="go-orders"
              title="我的预约"
              note="取消、确认评价、提出异议"
              onTap={() => openPage(href.careCard.orders())}
            />
          </Section>
        </View>
      )}

      {data && !card && open && latest && (
        <Section title="申请进度">
          <View className="cell-title">
            状态：<View className={`tag ${APP_TAG[latest.status]}`}>{latest.statusText}</View>
          </View>
          <Timeline stages={latest.stages} />
          <Button
            id="go-application"
            kind="secondary"
            onTap={() => openPage(href.careCard.application({ id: latest.id }))}
          >
            查看申请详情
          </Button>
        </Section>
      )}

      {data && !card && !open && (
        <View id="no-card">
          <View className="notice">
            {who.self ? '您' : who.name}还没有爱心卡。浙江省年满 80 周岁的老人，以及年满 60
            周岁的低保、低边、特困或失能老人，每月可领 100–500 元养老服务补贴，用于助餐、助浴等服务。
          </View>
          {latest && (latest.status === 'rejected' || latest.status === 'withdrawn') && (
            <Cell
              id="go-application"
              title={`上次申请：${latest.statusText}`}
              note={latest.rejection ? `原因：${latest.rejection.reason}` : '可以重新申请'}
              onTap={() => openPage(href.careCard.application({ id: latest.id }))}
            />
          )}
          <Button id="go-eligibility" onTap={() => openPage(href.careCard.eligibility())}>
            看看是否符合条件
          </Button>
          <Button id="go-apply" kind="secondary" onTap={() => openPage(href.careCard.apply())}>
            直接申请
          </Button>
        </View>
      )}

      {isWorker && <Cell id="go-worker" title="工作人员：审核与派单" onTap={() => openPage(href.careCard.worker())} />}
    </Page>
  )
}
