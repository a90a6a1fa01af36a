import { Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useDraft } from '@/stores/drafts'
import {
  getElevatorCostTable,
  getElevatorPetition,
  listElevatorObjections,
  recordElevatorMediationStep,
  recordPaperElevatorObjection,
} from '@/api/endpoints/elevator'
import {
  MEDIATION_STAGE_LABELS,
  MEDIATION_STAGES,
  RECORDED_MEDIATION_STAGES,
  type MediationStage,
} from '@/domain/elevator/values'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { usePhotoTaker, type TakenPhoto } from '@/ui/photo'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { KV } from '@/packages/elevator/components/KV'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { WorkerOnly } from '@/ui/WorkerOnly'
import { dateOf, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'

const STAGES = RECORDED_MEDIATION_STAGES.map((value) => ({ value, label: MEDIATION_STAGE_LABELS[value] }))
const isAfter = (a: MediationStage, b: MediationStage) => MEDIATION_STAGES.indexOf(a) > MEDIATION_STAGES.indexOf(b)

function Objections() {
  const id = useRouter().params.id ?? ''
  const { data, cause, loading, reload } = useLoader(async () => {
    const [petition, list, table] = await Promise.all([
      getElevatorPetition(id),
      listElevatorObjections(id),
      getElevatorCostTable(id),
    ])
    return { petition, list, rows: table.rows }
  })
  // The paper objection and the mediation note are kept as a draft per petition (closing the app loses nothing).
  const draft = useDraft(`elevator/worker-objections:${id}`, {
    householdId: null as string | null,
    text: '',
    photo: null as TakenPhoto | null,
    stage: null as (typeof STAGES)[number]['value'] | null,
    note: '',
  })
  const { householdId, text, photo, stage, note } = draft.value
  const setHouseholdId = (v: string | null) => draft.update({ householdId: v })
  const setText = (v: string) => draft.update({ text: v })
  const setPhoto = (v: TakenPhoto | null) => draft.update({ photo: v })
  const setStage = (v: (typeof STAGES)[number]['value'] | null) => draft.update({ stage: v })
  const setNote = (v: string) => draft.update({ note: v })
  const camera = usePhotoTaker()
  const objection = useSubmission()
  const mediation = useSubmission()
  const [done, setDone] = useState<string | null>(null)

  const takePhoto = async () => {
    try {
      setPhoto(await camera.take())
      objection.clearError('photo')
    } catch (e) {
      objection.setErrors((x) => ({ ...x, photo: (e as Error).message }))
    }
  }

  const submitObjection = () =>
    objection.submit(
      () => ({
        householdId: householdId ? '' : '请选择提出异议的房屋',
        text: text.trim().length < 10 ? '异议内容至少 10 个字，请照书面异议写明理由' : '',
        photo: photo ? '' : '请拍摄业主签字的书面异议',
      }),
      (key) =>
        recordPaperElevatorObjection(
          id,
          { householdId: householdId!, text: text.trim(), photoId: photo!.photoId },
          key,
        ),
      async () => {
        setText('')
        setPhoto(null)
        setHouseholdId(null)
        setDone('纸质异议已记录。公示期结束后将进入协商。')
        await reload()
      },
    )

  const submitStep = () =>
    mediation.submit(
      () => ({ stage: stage ? '' : '请选择推进到哪一步', note: note.trim().length < 4 ? '请写明处理情况' : '' }),
      (key) => recordElevatorMediationStep(id, { stage: stage!, note: note.trim() }, key),
      async () => {
        setNote('')
        setStage(null)
        setDone('处理步骤已记录，发起人和提出异议的业主会收到通知。')
        await reload()
      },
      {
        confirm:
          stage === 'resolved'
            ? async () =>
                (
                  await Taro.showModal({
                    title: '确认已解决',
                    content: '标记为已解决后，这件事将办结，不能再推进协商步骤。',
                    confirmText: '确认',
                    cancelText: '再看看',
                  })
                ).confirm
            : undefined,
      },
    )

  const p = data?.petition
  const current = p?.mediation?.stage
  return (
    <Page requireLogin title="异议与协商调解">
      <Loaded of={{ data, cause, loading, reload }} />
      {done && (
        <View className="ev-result" role="status" id="worker-done">
          <View className="cell-title">{done}</View>
        </View>
      )}
      {p && data && (
        <View>
          <View className="secondary">
            {p.unitLabel} · {p.statusText}
          </View>
          {p.publicity && (
            <KV
              label="公示期"
              value={`${dateOf(p.publicity.startsAt)} 至 ${dateOf(p.publicity.endsAt)}${p.publicity.open ? '（公示中）' : '（已结束）'}`}
            />
          )}
          <Section title={`书面异议（${data.list.total} 份）`} id="objection-list">
            {data.list.items.length === 0 && <Empty text="还没有收到书面异议。业主交来纸质异议时，可在下方录入。" />}
            {data.list.items.map((o) => (
              <View key={o.id} className="ev-row" id={`wo-${o.id}`}>
                <View className="cell-title">
                  {o.roomName} {o.objectorName ?? ''}：{o.text}
                </View>
                <View className="cell-note">
                  {o.channel === 'paper' ? '纸质' : '线上'} · {dateTimeOf(o.filedAt)}
                  {o.hasPhoto ? ' · 附签字照片' : ''}
                </View>
              </View>
            ))}
          </Section>

          {p.publicity?.open && (
            <Section title="录入纸质书面异议" id="paper-objection">
              <Options
                id="wo-household"
                label="提出异议的房屋"
                value={householdId}
                onChange={(v) => {
                  setHouseholdId(v)
                  objection.clearError('householdId')
                }}
                options={data.rows.map((r) => ({ value: r.householdId, label: `${r.roomName} 室` }))}
              />
              {objection.errors.householdId && (
                <View className="field-error" role="alert">
                  ⚠ {objection.errors.householdId}
                </View>
              )}
              <View className="field">
                <View className="field-label">异议内容（照书面异议填写）</View>
                <Textarea
                  id="wo-text"
                  className="ev-textarea"
                  value={text}
                  maxlength={1000}
                  aria-label="异议内容"
                  onInput={(e) => {
                    setText(e.detail.value)
                    objection.clearError('text')
                  }}
                />
                {objection.errors.text && (
                  <View className="field-error" role="alert">
                    ⚠ {objection.errors.text}
                  </View>
                )}
              </View>
              {photo ? (
                <View className="tag tag-ok">已拍摄，约 {Math.max(1, Math.round(photo.bytes / 1024))} KB</View>
              ) : (
                <View className="cell-note">还没有拍摄签字的书面异议</View>
              )}
              {objection.errors.photo && (
                <View className="field-error" role="alert">
                  ⚠ {objection.errors.photo}
                </View>
              )}
              <Button id="wo-photo" kind="secondary" onTap={takePhoto} loading={camera.busy}>
                {photo ? '重新拍摄' : '拍摄书面异议'}
              </Button>
              {objection.failure && <ErrorNote text={objection.failure} />}
              <Button id="wo-submit" onTap={submitObjection} loading={objection.busy}>
                录入异议
              </Button>
            </Section>
          )}

          {p.mediation && (
            <Section title={`协商调解（当前：${p.mediation.stageText}）`} id="mediation">
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
              {p.status === 'mediation' && current && (
                <View>
                  <Options
                    id="wm-stage"
                    label="推进到"
                    value={stage}
                    onChange={(v) => {
                      setStage(v)
                      mediation.clearError('stage')
                    }}
                    options={STAGES.filter((s) => isAfter(s.value, current))}
                  />
                  {mediation.errors.stage && (
                    <View className="field-error" role="alert">
                      ⚠ {mediation.errors.stage}
                    </View>
                  )}
                  <View className="field">
                    <View className="field-label">处理情况</View>
                    <Textarea
                      id="wm-note"
                      className="ev-textarea"
                      value={note}
                      maxlength={500}
                      aria-label="处理情况"
                      onInput={(e) => {
                        setNote(e.detail.value)
                        mediation.clearError('note')
                      }}
                    />
                    {mediation.errors.note && (
                      <View className="field-error" role="alert">
                        ⚠ {mediation.errors.note}
                      </View>
                    )}
                  </View>
                  {mediation.failure && <ErrorNote text={mediation.failure} />}
                  <Button id="wm-submit" onTap={submitStep} loading={mediation.busy}>
                    记录处理步骤
                  </Button>
                </View>
              )}
            </Section>
          )}
          {!p.publicity && !p.mediation && (
            <View className="notice">表决通过后进入 10 天公示期，才能录入书面异议。</View>
          )}
        </View>
      )}
    </Page>
  )
}

/** Worker: objections received on paper during publicity, and the dispute steps after it. */
export default function WorkerObjections() {
  return (
    <WorkerOnly>
      <Objections />
    </WorkerOnly>
  )
}
