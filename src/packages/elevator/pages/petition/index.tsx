import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import {
  confirmElevatorPetition,
  declineElevatorPetition,
  getElevatorMeter,
  getElevatorPetition,
} from '@/api/endpoints/elevator'
import { formatFen } from '@/domain/shared/money'
import { ReadAloud } from '@/ui/ReadAloud'
import { Button } from '@/ui/Button'
import { Page, PageTitle } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { KV } from '@/packages/elevator/components/KV'
import { Meter } from '@/packages/elevator/components/Meter'
import { StageTimeline } from '@/packages/elevator/components/StageTimeline'
import { WithdrawBox } from '@/packages/elevator/components/WithdrawBox'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'
import { STATUS_TAG, dateOf, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'
import { href, openPage } from '@/ui/nav'

const CO_STATUS = { pending: '待确认', confirmed: '已确认', declined: '已拒绝' } as const
const CO_TAG = { pending: 'tag-warn', confirmed: 'tag-ok', declined: 'tag-bad' } as const

/** One petition: status, confirmation, the live meter, deadline, result, publicity, mediation, links. */
export default function PetitionPage() {
  const id = useRouter().params.id ?? ''
  const { data, cause, loading, reload } = useLoader(async () => {
    const petition = await getElevatorPetition(id)
    const meter = petition.status === 'forming' ? null : await getElevatorMeter(id).catch(() => null)
    return { petition, meter }
  })
  const rows = useRowAction()
  const busy = rows.busy !== null
  const failure = rows.failure('petition')?.text
  // WeChat share: neighbours open this petition directly (they log in first if needed).
  useShareAppMessage(() => ({
    title: '加装电梯表决：请您查看方案并参与表决',
    path: href.elevator.petition({ id }),
  }))

  /** Confirms or declines being a co-initiator (declining asks first); one idempotency key for both. */
  const answer = (confirm: boolean) =>
    rows.run(
      confirm ? 'confirm' : 'decline',
      (key) => (confirm ? confirmElevatorPetition(id, key) : declineElevatorPetition(id, key)),
      {
        key: 'answer',
        row: 'petition',
        confirm: confirm
          ? undefined
          : {
              title: '拒绝作为联合发起人',
              content: '拒绝后，这份加装电梯申请将被取消，发起人需要重新发起。',
              confirmText: '确定拒绝',
              cancelText: '再想想',
            },
        done: reload,
      },
    )

  const p = data?.petition
  const m = data?.meter
  return (
    <Page requireLogin>
      <Loaded of={{ data, cause, loading, reload }} lines={5} />
      {p && (
        <View>
          <PageTitle>{p.unitLabel} 加装电梯</PageTitle>
          <View id="petition-status" className={`tag ${STATUS_TAG[p.status]}`}>
            {p.statusText}
          </View>

          {p.viewer.mustConfirm && (
            <Section title="请您确认是否作为联合发起人" id="confirm-box">
              <View className="ev-row cell-title">
                {p.starter.name ?? '发起人'}（{p.starter.roomName}
                ）邀请您共同发起本单元加装电梯。全部联合发起人确认后，全体业主开始表决。
              </View>
              {failure && <ErrorNote text={failure} />}
              <View className="btn-row">
                <Button id="confirm-petition" onTap={() => answer(true)} loading={busy}>
                  确认发起
                </Button>
                <Button id="decline-petition" kind="danger" onTap={() => answer(false)} loading={busy}>
                  拒绝
                </Button>
              </View>
            </Section>
          )}

          {p.withdrawal && (
            <Section title="已撤回" id="withdrawn">
              <View className="ev-row cell-title">
                {p.withdrawal.byName ?? '发起人'}于 {dateTimeOf(p.withdrawal.at)}{' '}
                撤回了这份申请，表决停止，不产生表决结果。
              </View>
              <KV label="撤回原因" value={p.withdrawal.reason} id="withdraw-reason-shown" />
            </Section>
          )}

          {p.status === 'voting' && (
            <View className="notice" id="deadline">
              表决截止：{dateTimeOf(p.votingDeadline)}。截止前可以改票，以截止时每户最后一次表决为准。
            </View>
          )}
          {p.viewer.canVote && (
            <Button id="go-ballot" onTap={() => openPage(href.elevator.ballot({ id }))}>
              查看分摊金额并表决
            </Button>
          )}

          {p.result && (
            <Section title="表决结果" id="result">
              <View className={`tag ${p.result.approved ? 'tag-ok' : 'tag-bad'}`} id="result-verdict">
                {p.result.approved ? '表决通过' : '表决未通过'}
              </View>
              <View className="ev-row cell-title">{p.result.summary}</View>
              <KV label="公布日期" value={dateOf(p.result.publishedAt)} id="result-date" />
              <ReadAloud
                id="read-result"
                label="朗读表决结果"
                text={`表决结果：${p.result.approved ? '表决通过' : '表决未通过'}。${p.result.summary}公布日期：${dateOf(p.result.publishedAt)}。`}
              />
            </Section>
          )}

          {m && (
            <Section title={m.withdrawal ? '撤回时的计票' : m.final ? '最终计票' : '实时计票'} id="meter-section">
              <Meter m={m} />
            </Section>
          )}

          {p.publicity && (
            <Section title="公示与异议" id="publicity">
              <KV label="公示期" value={`${dateOf(p.publicity.startsAt)} 至 ${dateOf(p.publicity.endsAt)}`} />
              <KV label="公示状态" value={p.publicity.open ? '公示中，可实名书面提出异议' : '公示期已结束'} />
              <KV label="已收到书面异议" value={`${p.publicity.objections} 份`} id="objection-count" />
              {(p.viewer.canObject || p.viewer.role === 'owner') && (
                <Button
                  id="go-objections"
                  kind={p.viewer.canObject ? 'primary' : 'secondary'}
                  onTap={() => openPage(href.elevator.objections({ id }))}
                >
                  {p.viewer.canObject ? '提出异议 / 查看我的异议' : '查看我的异议'}
                </Button>
              )}
            </Section>
          )}

          {p.mediation && (
            <Section title="异议处理" id="mediation">
              <KV label="当前阶段" value={p.mediation.stageText} id="mediation-stage" />
              {p.mediation.steps.map((s, i) => (
                <View key={i} className="ev-step">
                  <View className="cell-title">
                    {s.stageText}：{s.note}
                  </View>
                  <View className="cell-note">
                    {dateTimeOf(s.at)} · {s.byName}
                  </View>
                </View>
              ))}
            </Section>
          )}

          {(p.status === 'concluded' || p.stages.length > 0) && <StageTimeline stages={p.stages} />}

          <Section title="发起人" id="group">
            <View className="cell">
              <View className="cell-main">
                <View className="cell-title">
                  {p.starter.name ?? '已注销用户'}（{p.starter.roomName}）
                </View>
              </View>
              <View className="tag tag-info">发起人</View>
            </View>
            {p.coInitiators.map((c) => (
              <View key={c.roomName} className="cell">
                <View className="cell-main">
                  <View className="cell-title">
                    {c.name ?? '已注销用户'}（{c.roomName}）
                  </View>
                </View>
                <View className={`tag ${CO_TAG[c.status]}`}>{CO_STATUS[c.status]}</View>
              </View>
            ))}
          </Section>

          <Section title="方案" id="plan">
            <KV label="电梯位置" value={p.plan.elevatorPosition} />
            <KV label="工程预算" value={formatFen(p.plan.budgetFen)} />
            <KV label="补助" value={formatFen(p.plan.subsidiesFen)} />
            <KV label="业主分摊合计" value={formatFen(p.plan.netCostFen)} />
            <KV label="每年维护费用" value={formatFen(p.plan.yearlyMaintenanceFen)} />
          </Section>

          <Section title="进度" id="timeline">
            <KV label="发起" value={dateTimeOf(p.createdAt)} />
            <KV label="开始表决" value={p.openedAt ? dateTimeOf(p.openedAt) : '等待联合发起人确认'} />
            <KV label="表决截止" value={dateTimeOf(p.votingDeadline)} />
            {p.result && <KV label="结果公布" value={dateOf(p.result.publishedAt)} />}
            {p.publicity && <KV label="公示结束" value={dateOf(p.publicity.endsAt)} />}
          </Section>

          <Button id="go-cost" kind="secondary" onTap={() => openPage(href.elevator.cost({ id }))}>
            各户费用分摊表
          </Button>
          {(p.result || p.withdrawal) && (
            <Button id="go-sheet" kind="secondary" onTap={() => openPage(href.elevator.resultSheet({ id }))}>
              表决结果单（可打印）
            </Button>
          )}
          <Button id="go-audit" kind="secondary" onTap={() => openPage(href.elevator.audit({ id }))}>
            表决记录与核对
          </Button>
          {p.viewer.canWithdraw && <WithdrawBox id={id} done={reload} />}
          {!p.viewer.canVote && p.viewer.role === 'owner' && p.status !== 'forming' && (
            <Button id="go-ballot" kind="secondary" onTap={() => openPage(href.elevator.ballot({ id }))}>
              我的表决
            </Button>
          )}
        </View>
      )}
    </Page>
  )
}
