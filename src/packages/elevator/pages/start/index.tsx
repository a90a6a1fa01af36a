import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { listRooms } from '@/api'
import { getMyElevatorUnits, startElevatorPetition } from '@/api/endpoints/elevator'
import type { RoomOptionDto } from '@/domain/shared/contracts'
import type { ElevatorMyUnitsDto, ElevatorPetitionDto } from '@/domain/elevator/contracts'
import { BUDGET_TOO_HIGH_TEXT, MAX_ELEVATOR_BUDGET_FEN } from '@/domain/elevator/rules'
import { formatFen, yuanToFen } from '@/domain/shared/money'
import { addDays, beijingDate, formatDateCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Part } from '@/ui/Part'
import { Empty, ErrorNote, Section } from '@/ui/States'
import { CheckRow } from '@/packages/elevator/components/CheckRow'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { serverNow } from '@/ui/serverNow'
import '@/packages/elevator/feature.css'
import { href, replacePage } from '@/ui/nav'

const PERIODS = ['14', '30', '45'] as const
type Period = (typeof PERIODS)[number]

/** Start a petition: my flat, 2–4 co-initiators, the plan in yuan, the voting deadline; autosaved. */
export default function StartPage() {
  const unitId = useRouter().params.unitId ?? ''
  // Three independent loads, each shown as soon as it arrives and retried on its own: the plan can be
  // typed while the owners' list is still on its way.
  const units = useLoader(getMyElevatorUnits)
  const rooms = useLoader(listRooms)
  const now = useLoader(serverNow)
  const unit = units.data?.units.find((u) => u.unitId === unitId) ?? null
  const others = (unitData: ElevatorMyUnitsDto, roomList: RoomOptionDto[]) => {
    const u = unitData.units.find((x) => x.unitId === unitId)
    if (!u) return []
    const mine = new Set(u.myRooms.map((r) => r.roomId))
    return roomList
      .filter((r) => r.label.startsWith(`${u.label} `) && !mine.has(r.roomId))
      .map((r) => ({ roomId: r.roomId, name: r.label.slice(u.label.length + 1), floor: r.floor }))
  }
  const {
    value: form,
    update,
    clear: clearDraft,
    restored,
  } = useDraft(`elevator-start:${unitId}`, {
    roomId: '',
    co: [] as string[],
    position: '',
    budget: '',
    subsidies: '',
    maintenance: '',
    period: '30' as Period,
  })
  const [created, setCreated] = useState<ElevatorPetitionDto | null>(null)
  const s = useSubmission()
  const { errors, clearError } = s
  // "Today" as the backend sees it (mock time in the demo), so the deadlines offered are the ones it accepts.
  const today = beijingDate(now.data ?? Date.now())
  const deadlineDate = (p: Period) => addDays(today, Number(p))
  const roomId = form.roomId || unit?.myRooms[0]?.roomId || ''
  /** Changes the form and forgets the errors of the fields changed. */
  const edit = (patch: Partial<typeof form>) => {
    update(patch)
    clearError(...Object.keys(patch))
  }

  const toggle = (r: string) => edit({ co: form.co.includes(r) ? form.co.filter((x) => x !== r) : [...form.co, r] })

  /** The amounts in fen and the form's problems, in words. */
  const checked = () => {
    const errs: Record<string, string> = {}
    const fen: Record<string, number> = {}
    // An empty field asks for the figure (没有补助 is 0), rather than calling "" a badly formatted amount.
    const missing = {
      budget: '请填写工程预算',
      subsidies: '请填写补助金额，没有补助填 0',
      maintenance: '请填写每年维护费用',
    }
    for (const [k, label] of [
      ['budget', '工程预算'],
      ['subsidies', '补助金额'],
      ['maintenance', '每年维护费用'],
    ] as const) {
      if (!form[k].trim()) {
        errs[k] = missing[k]
        continue
      }
      try {
        fen[k] = yuanToFen(form[k])
        if (fen[k] < 0) errs[k] = `${label}不能为负数`
      } catch (e) {
        errs[k] = (e as Error).message
      }
    }
    if (!errs.budget && fen.budget <= 0) errs.budget = '请填写工程预算'
    if (!errs.budget && fen.budget > MAX_ELEVATOR_BUDGET_FEN) errs.budget = BUDGET_TOO_HIGH_TEXT
    if (!errs.subsidies && !errs.budget && fen.subsidies > fen.budget) errs.subsidies = '补助金额不能超过工程预算'
    if (form.co.length < 2 || form.co.length > 4) errs.co = '请选择 2 到 4 位联合发起人（加装电梯工作小组为 3 到 5 人）'
    if (form.position.trim().length < 2) errs.position = '请填写电梯位置，如“单元北侧楼梯间外”'
    if (!roomId) errs.roomId = '请选择您在本单元的房屋'
    return { errs, fen }
  }

  const submit = () =>
    s.submit(
      () => checked().errs,
      (key) => {
        const { fen } = checked()
        return startElevatorPetition(
          {
            roomId,
            coInitiatorRoomIds: form.co,
            elevatorPosition: form.position.trim(),
            budgetFen: fen.budget,
            subsidiesFen: fen.subsidies,
            yearlyMaintenanceFen: fen.maintenance,
            votingDeadline: `${deadlineDate(form.period)}T20:00:00+08:00`,
          },
          key,
        )
      },
      (p) => {
        clearDraft()
        setCreated(p)
      },
      {
        notices: ['progress', 'reminder'],
        fieldNames: {
          budgetFen: 'budget',
          subsidiesFen: 'subsidies',
          yearlyMaintenanceFen: 'maintenance',
          coInitiatorRoomIds: 'co',
          elevatorPosition: 'position',
          votingDeadline: 'period',
        },
      },
    )

  if (created) {
    return (
      <Page requireLogin title="申请已发起">
        <View className="ev-result" id="start-done">
          <View className="ev-big">{created.unitLabel} 加装电梯申请已发起</View>
          <View className="cell-note">
            已通知联合发起人：{created.coInitiators.map((c) => c.roomName).join('、')}
            。他们在自己的小程序中确认后，全体业主开始表决，表决截止 {formatDateCn(
              created.votingDeadline.slice(0, 10),
            )}{' '}
            20:00。
          </View>
        </View>
        <Button id="open-petition" onTap={() => replacePage(href.elevator.petition({ id: created.id }))}>
          查看申请
        </Button>
      </Page>
    )
  }

  return (
    <Page requireLogin title="发起加装电梯">
      {restored && <View className="notice">已恢复上次填写的内容。</View>}
      <Part of={[units]} what="您在本单元的房屋" lines={1}>
        {() =>
          unit ? (
            <View>
              <View className="secondary">{unit.label}</View>
              {unit.myRooms.length > 1 && (
                <Options
                  id="start-room"
                  label="以哪套房屋发起"
                  value={roomId}
                  onChange={(r) => edit({ roomId: r })}
                  options={unit.myRooms.map((r) => ({ value: r.roomId, label: r.name, note: `${r.floor} 层` }))}
                />
              )}
            </View>
          ) : (
            <Empty text="没有找到您在这个单元的房屋。请从“加装电梯”首页进入。" />
          )
        }
      </Part>
      {errors.roomId && (
        <View className="field-error" role="alert">
          ⚠ {errors.roomId}
        </View>
      )}
      {!(units.data && !unit) && (
        <View>
          <Section title="联合发起人（选 2 到 4 户）" id="start-co">
            <View className="cell-note">需是本单元已实名使用小程序的业主，他们会在自己的账号中确认。</View>
            <Part of={[units, rooms]} what="本单元的业主名单" lines={3}>
              {(u, r) =>
                others(u, r).map((o) => (
                  <CheckRow
                    key={o.roomId}
                    id={`co-${o.roomId}`}
                    label={`${o.name} 室`}
                    note={`${o.floor} 层`}
                    on={form.co.includes(o.roomId)}
                    onToggle={() => toggle(o.roomId)}
                  />
                ))
              }
            </Part>
            <View className="cell-note">已选 {form.co.length} 户</View>
            {errors.co && (
              <View className="field-error" role="alert">
                ⚠ {errors.co}
              </View>
            )}
          </Section>
          <Section title="方案" id="start-plan">
            <Field
              id="start-position"
              label="电梯位置"
              value={form.position}
              onInput={(position) => edit({ position })}
              error={errors.position}
              placeholder="如：单元北侧楼梯间外，平层入户"
              maxlength={100}
            />
            <Field
              id="start-budget"
              label="工程预算（元）"
              type="number"
              value={form.budget}
              onInput={(budget) => edit({ budget })}
              error={errors.budget}
              placeholder="如 480000"
              maxlength={12}
            />
            <Field
              id="start-subsidies"
              label="补助金额（元）"
              type="number"
              value={form.subsidies}
              onInput={(subsidies) => edit({ subsidies })}
              error={errors.subsidies}
              placeholder="如 200000，没有填 0"
              maxlength={12}
            />
            <Field
              id="start-maintenance"
              label="每年维护费用（元）"
              type="number"
              value={form.maintenance}
              onInput={(maintenance) => edit({ maintenance })}
              error={errors.maintenance}
              placeholder="如 12000"
              maxlength={10}
            />
            {(() => {
              try {
                return (
                  <View className="cell-note" id="start-net">
                    业主分摊合计：{formatFen(yuanToFen(form.budget) - yuanToFen(form.subsidies))}
                  </View>
                )
              } catch {
                return null
              }
            })()}
          </Section>
          <Part of={[now]} what="表决截止日期" lines={1}>
            {() => (
              <Options
                id="start-period"
                label="表决截止日期（当天 20:00 截止）"
                value={form.period}
                onChange={(period) => edit({ period })}
                options={PERIODS.map((p) => ({ value: p, label: formatDateCn(deadlineDate(p)), note: `${p} 天后` }))}
              />
            )}
          </Part>
          {errors.period && (
            <View className="field-error" role="alert">
              ⚠ {errors.period}
            </View>
          )}
          {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
          {unit && rooms.data && now.data !== null ? (
            <Button id="start-submit" onTap={submit} loading={s.busy}>
              发起并邀请联合发起人
            </Button>
          ) : (
            <View className="cell-note">上面的内容都加载出来后，就可以发起。</View>
          )}
        </View>
      )}
    </Page>
  )
}
