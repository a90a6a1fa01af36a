import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { getElevatorPetition, recordElevatorStage } from '@/api/endpoints/elevator'
import { PROJECT_STAGE_LABELS, PROJECT_STAGES, type ProjectStage } from '@/domain/elevator/values'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { DateField } from '@/ui/DateField'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { WorkerOnly } from '@/ui/WorkerOnly'
import { StageTimeline } from '@/packages/elevator/components/StageTimeline'
import '@/packages/elevator/feature.css'
import { href } from '@/ui/nav'

function Stages() {
  const id = useRouter().params.id ?? ''
  const { data, cause, loading, reload } = useLoader(() => getElevatorPetition(id))
  const [stage, setStage] = useState<ProjectStage | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [done, setDone] = useState('')
  const s = useSubmission()
  const submit = () =>
    s.submit(
      () => ({
        stage: stage ? '' : '请选择工程阶段',
        date: date ? '' : '请选择日期',
        note: note.trim().length >= 2 ? '' : '请简要说明',
      }),
      (key) => recordElevatorStage(id, { stage: stage!, date: date!, note: note.trim() }, key),
      () => {
        setDone(`已记录“${PROJECT_STAGE_LABELS[stage!]}”，本单元业主会收到通知`)
        setStage(null)
        setNote('')
        reload()
      },
    )
  const recorded = new Set(data?.stages.map((x) => x.stage))
  return (
    <Page requireLogin backTo={href.elevator.worker()} title="记录工程进度">
      <View className="secondary">
        表决通过、公示结束后，记录设计审查、管线迁移、施工、竣工验收和补助发放的日期。每记录一个新阶段，本单元每户业主都会收到消息。
      </View>
      <Loaded of={{ data, cause, loading, reload }} />
      {data && (
        <View>
          <StageTimeline stages={data.stages} />
          <Section title="记录一个阶段">
            <Options
              id="stage-pick"
              label="工程阶段"
              value={stage}
              onChange={setStage}
              options={PROJECT_STAGES.map((value) => ({
                value,
                label: PROJECT_STAGE_LABELS[value],
                note: recorded.has(value) ? '已记录，再次保存为更正（不再通知）' : '未记录',
              }))}
            />
            {s.errors.stage && <View className="field-error">⚠ {s.errors.stage}</View>}
            <DateField
              id="stage-date"
              label="日期"
              value={date ?? data.createdAt.slice(0, 10)}
              start={data.createdAt.slice(0, 10)}
              end="2099-12-31"
              onChange={setDate}
            >
              {date ? `日期：${formatDateCn(date)}` : '点这里选择日期'}
            </DateField>
            {s.errors.date && <View className="field-error">⚠ {s.errors.date}</View>}
            <Field id="stage-note" label="说明" value={note} onInput={setNote} error={s.errors.note} maxlength={200} />
            {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
            <Button id="stage-submit" onTap={submit} loading={s.busy}>
              保存并通知业主
            </Button>
            {done && (
              <View className="tag tag-ok" role="status" id="stage-done">
                {done}
              </View>
            )}
          </Section>
        </View>
      )}
    </Page>
  )
}

/** Worker: record the project's stages after approval (design review … subsidy granted). */
export default function WorkerStages() {
  return (
    <WorkerOnly>
      <Stages />
    </WorkerOnly>
  )
}
