import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { castElevatorBallot, getMyElevatorHouseholds } from '@/api/endpoints/elevator'
import type { ElevatorBallotResultDto, ElevatorChoiceDto } from '@/domain/elevator/contracts'
import { VOTE_CHOICE_LABELS, VOTE_CHOICES } from '@/domain/elevator/values'
import { formatFen } from '@/domain/shared/money'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { ReadAloud } from '@/ui/ReadAloud'
import { KV } from '@/packages/elevator/components/KV'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { CHANNEL_CN, CHOICE_CN, areaText, dateTimeOf, receiptCode } from '@/packages/elevator/components/words'
import { useReceipts } from '@/packages/elevator/store'
import '@/packages/elevator/feature.css'
import { goBack, href, openPage } from '@/ui/nav'
import { tappable } from '@/ui/tappable'

const CHOICE_NOTES: Record<ElevatorChoiceDto, string> = {
  agree: '同意加装电梯，并按分摊表承担费用',
  oppose: '不同意加装电梯',
  abstain: '参与表决但不表态（计入参与人数和面积）',
}
const CHOICES = VOTE_CHOICES.map((value) => ({ value, label: VOTE_CHOICE_LABELS[value], note: CHOICE_NOTES[value] }))

/** The ballot: the household's cost share first, then the choice, a typed-name signature, confirm, receipt. */
export default function BallotPage() {
  const id = useRouter().params.id ?? ''
  const me = useSession((s) => s.me)
  const { data, cause, loading, reload } = useLoader(() => getMyElevatorHouseholds(id))
  const [choice, setChoice] = useState<ElevatorChoiceDto | null>(null)
  const [name, setName] = useState('')
  const [result, setResult] = useState<ElevatorBallotResultDto | null>(null)
  /** Receipts (by log seq) whose full 64-character check code is shown. */
  const [fullCodes, setFullCodes] = useState<number[]>([])
  const s = useSubmission()
  const { errors, clearError } = s

  const current = data?.households.find((h) => h.ballot)?.ballot ?? null

  /** The signature first (the typed name must be the owner's real name), so the confirmation comes last and once. */
  const signatureProblem = () => {
    const typed = name.trim()
    if (typed.length < 2) return '请输入您的姓名（与实名认证一致）'
    if (data?.signerName && typed !== data.signerName)
      return '输入的姓名与实名认证的业主姓名不一致，请输入业主本人的姓名'
    return ''
  }

  const submit = () => {
    if (!data || data.households.length === 0) return
    s.submit(
      () => ({ choice: choice ? '' : '请选择同意、反对或弃权', name: signatureProblem() }),
      (key) =>
        castElevatorBallot(
          id,
          {
            householdId: data.households[0].householdId,
            choice: choice!,
            signature: { kind: 'typed-name', name: name.trim() },
          },
          key,
        ),
      (r) => {
        if (me)
          useReceipts.getState().add(
            me.id,
            id,
            r.households.map((h) => ({
              seq: h.seq,
              hash: h.hash,
              roomName: h.roomName,
              choice: r.choice,
              at: r.signedAt,
            })),
          )
        setResult(r)
        setName('')
        reload()
      },
      {
        notices: ['progress'],
        fieldNames: { 'signature.name': 'name' },
        confirm: async () =>
          (
            await Taro.showModal({
              title: '确认提交表决',
              content: `您的表决意见是“${CHOICE_CN[choice!]}”。提交后可在截止前修改，以截止时最后一次为准。`,
              confirmText: '确认提交',
              cancelText: '再看看',
            })
          ).confirm,
      },
    )
  }

  if (result) {
    return (
      <Page requireLogin backTo={href.elevator.petition({ id })} title="表决已提交">
        <View className="ev-result" id="ballot-result">
          <View className="ev-big">
            您的表决：{CHOICE_CN[result.choice]}
            {result.changed ? '（已改票）' : ''}
          </View>
          <View className="cell-note">{result.note}</View>
        </View>
        <Section title="表决回执（请保存）" id="receipt">
          <KV label="签名时间" value={dateTimeOf(result.signedAt)} />
          {result.households.map((h) => (
            <View key={h.seq} className="ev-row">
              <View className="cell-title">
                {h.roomName}：记录第 {h.seq} 条，分摊 {formatFen(h.shareFen)}
              </View>
              <View className="ev-hash" id={`receipt-${h.seq}`}>
                校验码 {fullCodes.includes(h.seq) ? h.hash : receiptCode(h.hash)}
              </View>
              <View
                className="ev-link"
                id={`receipt-${h.seq}-full`}
                {...tappable(
                  undefined,
                  () => setFullCodes((c) => (c.includes(h.seq) ? c.filter((x) => x !== h.seq) : [...c, h.seq])),
                  'button',
                )}
              >
                {fullCodes.includes(h.seq) ? '收起完整校验码' : '查看完整校验码'}
              </View>
            </View>
          ))}
          <View className="cell-note">
            回执已保存在本机，退出登录后清除（需要长期保存可以截图）。可在“表决记录与核对”中核对记录是否完整、未被改动。
          </View>
        </Section>
        <Button id="back-petition" onTap={() => goBack(href.elevator.petition({ id }))}>
          查看表决进度
        </Button>
        <Button id="result-audit" kind="secondary" onTap={() => openPage(href.elevator.audit({ id }))}>
          核对表决记录
        </Button>
        <Button id="change-ballot" kind="secondary" onTap={() => setResult(null)}>
          修改表决
        </Button>
      </Page>
    )
  }

  return (
    <Page requireLogin backTo={href.elevator.petition({ id })} title="签名表决">
      <Loaded of={{ data, cause, loading, reload }} lines={4} />
      {data && data.households.length === 0 && (
        <Empty text="您在本单元没有登记为业主的房屋，不能表决。如有疑问请联系社区。" />
      )}
      {data && data.households.length > 0 && (
        <View>
          <Section title="您家需要分摊的费用" id="my-share">
            {data.households.map((h) => (
              <View key={h.householdId} className="ev-row" id={`share-${h.householdId}`}>
                <View className="cell-title">
                  {h.roomName}（{h.floor} 层，{areaText(h.area)}，楼层系数 {h.coefficient}）
                </View>
                <View className="ev-share">{formatFen(h.shareFen)}</View>
                <View className="cell-note">一次性建设费用分摊；另每年维护费约 {formatFen(h.maintenanceShareFen)}</View>
              </View>
            ))}
            <View className="cell-note ev-row">
              全单元业主分摊合计 {formatFen(data.netCostFen)}。{data.note}
            </View>
            <ReadAloud
              id="read-share"
              label="朗读分摊金额"
              text={`${data.households
                .map(
                  (h) =>
                    `${h.roomName}，${h.floor}层，需要分摊${formatFen(h.shareFen)}，另每年维护费约${formatFen(h.maintenanceShareFen)}。`,
                )
                .join(
                  '',
                )}全单元业主分摊合计${formatFen(data.netCostFen)}。${data.note}表决截止时间：${dateTimeOf(data.votingDeadline)}。`}
            />
            <Button kind="secondary" id="ballot-cost" onTap={() => openPage(href.elevator.cost({ id }))}>
              查看各户分摊表
            </Button>
          </Section>

          {current && (
            <View className="notice" id="current-ballot">
              您已表决：{CHOICE_CN[current.choice]}（{CHANNEL_CN[current.channel]}，{dateTimeOf(current.at)}）。
              {data.votingOpen ? '截止前可以修改。' : ''}
            </View>
          )}

          {data.withdrawal ? (
            <View className="notice" id="voting-withdrawn">
              已撤回：这份申请已由发起人于 {dateTimeOf(data.withdrawal.at)}{' '}
              撤回，表决停止，不能再投票或改票，已投的票不计结果。撤回原因：{data.withdrawal.reason}
            </View>
          ) : !data.votingOpen ? (
            <View className="notice" id="voting-closed">
              表决已于 {dateTimeOf(data.votingDeadline)} 截止，不能再投票或改票。结果以截止时每户最后一次表决为准。
            </View>
          ) : (
            <Section title={current ? '修改表决' : '表决'} id="ballot-form">
              <View className="cell-note ev-row">截止时间：{dateTimeOf(data.votingDeadline)}</View>
              <Options
                id="choice"
                label="您的意见"
                options={CHOICES}
                value={choice}
                onChange={(c) => {
                  setChoice(c)
                  clearError('choice')
                }}
              />
              {errors.choice && (
                <View className="field-error" role="alert">
                  ⚠ {errors.choice}
                </View>
              )}
              <Field
                id="sign-name"
                label="签名：请输入业主本人姓名"
                value={name}
                onInput={(v) => {
                  setName(v)
                  clearError('name')
                }}
                error={errors.name || undefined}
                placeholder="与实名认证的姓名一致"
                maxlength={20}
              />
              <View className="cell-note">输入姓名即为本人电子签名，记录时间并写入不可篡改的表决记录。</View>
              {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
              <Button id="ballot-submit" onTap={submit} loading={s.busy}>
                {current ? '提交修改' : '签名并提交'}
              </Button>
            </Section>
          )}
        </View>
      )}
    </Page>
  )
}
