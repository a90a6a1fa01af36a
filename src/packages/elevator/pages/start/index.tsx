import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError, errorMessage, listRooms, newIdempotencyKey } from '../../../../api'
import { getMyElevatorUnits, startElevatorPetition } from '../../../../api/endpoints/elevator'
import type { ElevatorPetitionDto } from '../../../../domain/contracts/elevator'
import { formatFen, yuanToFen } from '../../../../domain/money'
import { addDays, beijingDate, formatDateCn } from '../../../../domain/time'
import { useDraft } from '../../../../stores/drafts'
import { useRequireLogin } from '../../../../ui/auth'
import { Button } from '../../../../ui/Button'
import { Field } from '../../../../ui/Field'
import { Options } from '../../../../ui/Options'
import { Page } from '../../../../ui/Page'
import { Empty, ErrorNote, Loading, Section } from '../../../../ui/States'
import { CheckRow } from '../../components/CheckRow'
import { go } from '../../components/go'
import { useLoader } from '../../../../ui/useLoader'
import '../../feature.css'

const PERIODS = ['14', '30', '45'] as const
type Period = typeof PERIODS[number]

/** Start a petition: my flat, 2–4 co-initiators, the plan in yuan, the voting deadline; autosaved. */
export default function StartPage() {
  useRequireLogin()
  const unitId = useRouter().params.unitId ?? ''
  const { data, error, loading, reload } = useLoader(async () => {
    const [units, rooms] = await Promise.all([getMyElevatorUnits(), listRooms()])
    const unit = units.units.find((u) => u.unitId === unitId) ?? null
    const mine = new Set(unit?.myRooms.map((r) => r.roomId) ?? [])
    const others = unit ? rooms.filter((r) => r.label.startsWith(`${unit.label} `) && !mine.has(r.roomId)).map((r) => ({ roomId: r.roomId, name: r.label.slice(unit.label.length + 1), floor: r.floor })) : []
    return { unit, others }
  })
  const [form, update, clearDraft, restored] = useDraft(`elevator-start:${unitId}`, {
    roomId: '', co: [] as string[], position: '', budget: '', subsidies: '', maintenance: '', period: '30' as Period,
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<ElevatorPetitionDto | null>(null)
  const key = useRef(newIdempotencyKey())
  const today = beijingDate(Date.now())
  const deadlineDate = (p: Period) => addDays(today, Number(p))
  const roomId = form.roomId || data?.unit?.myRooms[0]?.roomId || ''

  const toggle = (r: string) => update({ co: form.co.includes(r) ? form.co.filter((x) => x !== r) : [...form.co, r] })

  const submit = async () => {
    const errs: Record<string, string> = {}
    const fen: Record<string, number> = {}
    for (const [k, label] of [['budget', '工程预算'], ['subsidies', '补助金额'], ['maintenance', '每年维护费用']] as const) {
      try {
        fen[k] = yuanToFen(form[k])
        if (fen[k] < 0) errs[k] = `${label}不能为负数`
      } catch (e) { errs[k] = (e as Error).message }
    }
    if (!errs.budget && fen.budget <= 0) errs.budget = '请填写工程预算'
    if (!errs.subsidies && !errs.budget && fen.subsidies > fen.budget) errs.subsidies = '补助金额不能超过工程预算'
    if (form.co.length < 2 || form.co.length > 4) errs.co = '请选择 2 到 4 位联合发起人（加装电梯工作小组为 3 到 5 人）'
    if (form.position.trim().length < 2) errs.position = '请填写电梯位置，如“单元北侧楼梯间外”'
    if (!roomId) errs.roomId = '请选择您在本单元的房屋'
    setErrors(errs)
    setFailure(null)
    if (Object.keys(errs).length) return
    setBusy(true)
    try {
      const p = await startElevatorPetition({
        roomId, coInitiatorRoomIds: form.co, elevatorPosition: form.position.trim(),
        budgetFen: fen.budget, subsidiesFen: fen.subsidies, yearlyMaintenanceFen: fen.maintenance,
        votingDeadline: `${deadlineDate(form.period)}T20:00:00+08:00`,
      }, key.current)
      key.current = newIdempotencyKey()
      clearDraft()
      setCreated(p)
    } catch (e) {
      key.current = newIdempotencyKey()
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        const f = e.fields
        setErrors({ budget: f.budgetFen, subsidies: f.subsidiesFen, maintenance: f.yearlyMaintenanceFen, co: f.coInitiatorRoomIds, position: f.elevatorPosition, period: f.votingDeadline })
        setFailure(e.message)
      } else setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return (
      <Page>
        <View className="page-title" role="heading" aria-level={1}>申请已发起</View>
        <View className="ev-result" id="start-done">
          <View className="ev-big">{created.unitLabel} 加装电梯申请已发起</View>
          <View className="cell-note">已通知联合发起人：{created.coInitiators.map((c) => c.roomName).join('、')}。他们在自己的小程序中确认后，全体业主开始表决，表决截止 {formatDateCn(created.votingDeadline.slice(0, 10))} 20:00。</View>
        </View>
        <Button id="open-petition" onTap={() => { Taro.navigateBack(); go('petition', { id: created.id }) }}>查看申请</Button>
      </Page>
    )
  }

  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>发起加装电梯</View>
      {restored && <View className="notice">已恢复上次填写的内容。</View>}
      {loading && !data && <Loading />}
      {error && <ErrorNote text={error} onRetry={reload} />}
      {data && !data.unit && <Empty text="没有找到您在这个单元的房屋。请从“加装电梯”首页进入。" />}
      {data?.unit && (
        <View>
          <View className="secondary">{data.unit.label}</View>
          {data.unit.myRooms.length > 1 && (
            <Options id="start-room" label="以哪套房屋发起" value={roomId} onChange={(r) => update({ roomId: r })}
              options={data.unit.myRooms.map((r) => ({ value: r.roomId, label: r.name, note: `${r.floor} 层` }))} />
          )}
          <Section title="联合发起人（选 2 到 4 户）" id="start-co">
            <View className="cell-note">需是本单元已实名使用小程序的业主，他们会在自己的账号中确认。</View>
            {data.others.map((r) => (
              <CheckRow key={r.roomId} id={`co-${r.roomId}`} label={`${r.name} 室`} note={`${r.floor} 层`} on={form.co.includes(r.roomId)} onToggle={() => toggle(r.roomId)} />
            ))}
            <View className="cell-note">已选 {form.co.length} 户</View>
            {errors.co && <View className="field-error" role="alert">⚠ {errors.co}</View>}
          </Section>
          <Section title="方案" id="start-plan">
            <Field id="start-position" label="电梯位置" value={form.position} onInput={(position) => update({ position })} error={errors.position} placeholder="如：单元北侧楼梯间外，平层入户" maxlength={100} />
            <Field id="start-budget" label="工程预算（元）" type="number" value={form.budget} onInput={(budget) => update({ budget })} error={errors.budget} placeholder="如 480000" maxlength={12} />
            <Field id="start-subsidies" label="补助金额（元）" type="number" value={form.subsidies} onInput={(subsidies) => update({ subsidies })} error={errors.subsidies} placeholder="如 200000，没有填 0" maxlength={12} />
            <Field id="start-maintenance" label="每年维护费用（元）" type="number" value={form.maintenance} onInput={(maintenance) => update({ maintenance })} error={errors.maintenance} placeholder="如 12000" maxlength={10} />
            {(() => {
              try { return <View className="cell-note" id="start-net">业主分摊合计：{formatFen(yuanToFen(form.budget) - yuanToFen(form.subsidies))}</View> } catch { return null }
            })()}
          </Section>
          <Options id="start-period" label="表决截止日期（当天 20:00 截止）" value={form.period} onChange={(period) => update({ period })}
            options={PERIODS.map((p) => ({ value: p, label: formatDateCn(deadlineDate(p)), note: `${p} 天后` }))} />
          {errors.period && <View className="field-error" role="alert">⚠ {errors.period}</View>}
          {failure && <ErrorNote text={failure} />}
          <Button id="start-submit" onTap={submit} loading={busy}>发起并邀请联合发起人</Button>
        </View>
      )}
    </Page>
  )
}
