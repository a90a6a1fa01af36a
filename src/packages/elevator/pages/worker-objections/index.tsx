import { Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError, errorMessage, newIdempotencyKey } from '@/api'
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
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { base64Bytes, pickPhotoBase64 } from '@/ui/photo'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { KV } from '@/packages/elevator/components/KV'
import { useLoader } from '@/ui/useLoader'
import { WorkerOnly } from '@/ui/WorkerOnly'
import { dateOf, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'

const STAGES = RECORDED_MEDIATION_STAGES.map((value) => ({ value, label: MEDIATION_STAGE_LABELS[value] }))
const isAfter = (a: MediationStage, b: MediationStage) => MEDIATION_STAGES.indexOf(a) > MEDIATION_STAGES.indexOf(b)

function Objections() {
  const id = useRouter().params.id ?? ''
  const { data, error, cause, loading, reload } = useLoader(async () => {
    const [petition, list, table] = await Promise.all([
      getElevatorPetition(id),
      listElevatorObjections(id),
      getElevatorCostTable(id),
    ])
    return { petition, list, rows: table.rows }
  })
  // Paper objection form
  const [householdId, setHouseholdId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [photo, setPhoto] = useState<string | null>(null)
  const [oErrors, setOErrors] = useState<Record<string, string>>({})
  const [oFailure, setOFailure] = useState<string | null>(null)
  const [oBusy, setOBusy] = useState(false)
  const oKey = useRef(newIdempotencyKey())
  // Mediation form
  const [stage, setStage] = useState<(typeof STAGES)[number]['value'] | null>(null)
  const [note, setNote] = useState('')
  const [mErrors, setMErrors] = useState<Record<string, string>>({})
  const [mFailure, setMFailure] = useState<string | null>(null)
  const [mBusy, setMBusy] = useState(false)
  const mKey = useRef(newIdempotencyKey())
  const [done, setDone] = useState<string | null>(null)

  const takePhoto = async () => {
    try {
      setPhoto(await pickPhotoBase64())
      setOErrors((e) => ({ ...e, photo: '' }))
    } catch (e) {
      setOErrors((x) => ({ ...x, photo: (e as Error).message }))
    }
  }

  const submitObjection = async () => {
    const errs: Record<string, string> = {}
    if (!householdId) errs.householdId = '请选择提出异议的房屋'
    if (text.trim().length < 10) errs.text = '异议内容至少 10 个字，请照书面异议写明理由'
    if (!photo) errs.photo = '请拍摄业主签字的书面异议'
    setOErrors(errs)
    setOFailure(null)
    if (Object.values(errs).some(Boolean)) return
    setOBusy(true)
    try {
      await recordPaperElevatorObjection(
        id,
        { householdId: householdId!, text: text.trim(), photo: photo! },
        oKey.current,
      )
      oKey.current = newIdempotencyKey()
      setText('')
      setPhoto(null)
      setHouseholdId(null)
      setDone('纸质异议已记录。公示期结束后将进入协商。')
      await reload()
    } catch (e) {
      // Same key for a retry after no answer (the first try may have been saved); a new one after a refusal.
      if (!(e instanceof ApiError) || !e.retryable) oKey.current = newIdempotencyKey()
      if (e instanceof ApiError && e.fields.text) setOErrors({ text: e.fields.text })
      else setOFailure(errorMessage(e))
    } finally {
      setOBusy(false)
    }
  }

  const submitStep = async () => {
    const errs: Record<string, string> = {}
    if (!stage) errs.stage = '请选择推进到哪一步'
    if (note.trim().length < 4) errs.note = '请写明处理情况'
    setMErrors(errs)
    setMFailure(null)
    if (Object.values(errs).some(Boolean)) return
    if (stage === 'resolved') {
      const ok = await Taro.showModal({
        title: '确认已解决',
        content: '标记为已解决后，这件事将办结，不能再推进协商步骤。',
        confirmText: '确认',
        cancelText: '再看看',
      })
      if (!ok.confirm) return
    }
    setMBusy(true)
    try {
      await recordElevatorMediationStep(id, { stage: stage!, note: note.trim() }, mKey.current)
      mKey.current = newIdempotencyKey()
      setNote('')
      setStage(null)
      setDone('处理步骤已记录，发起人和提出异议的业主会收到通知。')
      await reload()
    } catch (e) {
      // Same key for a retry after no answer (the first try may have been saved); a new one after a refusal.
      if (!(e instanceof ApiError) || !e.retryable) mKey.current = newIdempotencyKey()
      setMFailure(errorMessage(e))
    } finally {
      setMBusy(false)
    }
  }

  const p = data?.petition
  const current = p?.mediation?.stage
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        异议与协商调解
      </View>
      {loading && !data && <Loading />}
      {error && <ErrorNote text={error} cause={cause} onRetry={reload} />}
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
                  setOErrors((e) => ({ ...e, householdId: '' }))
                }}
                options={data.rows.map((r) => ({ value: r.householdId, label: `${r.roomName} 室` }))}
              />
              {oErrors.householdId && (
                <View className="field-error" role="alert">
                  ⚠ {oErrors.householdId}
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
                    setOErrors((x) => ({ ...x, text: '' }))
                  }}
                />
                {oErrors.text && (
                  <View className="field-error" role="alert">
                    ⚠ {oErrors.text}
                  </View>
                )}
              </View>
              {photo ? (
                <View className="tag tag-ok">已拍摄，约 {Math.max(1, Math.round(base64Bytes(photo) / 1024))} KB</View>
              ) : (
                <View className="cell-note">还没有拍摄签字的书面异议</View>
              )}
              {oErrors.photo && (
                <View className="field-error" role="alert">
                  ⚠ {oErrors.photo}
                </View>
              )}
              <Button id="wo-photo" kind="secondary" onTap={takePhoto}>
                {photo ? '重新拍摄' : '拍摄书面异议'}
              </Button>
              {oFailure && <ErrorNote text={oFailure} />}
              <Button id="wo-submit" onTap={submitObjection} loading={oBusy}>
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
                      setMErrors((e) => ({ ...e, stage: '' }))
                    }}
                    options={STAGES.filter((s) => isAfter(s.value, current))}
                  />
                  {mErrors.stage && (
                    <View className="field-error" role="alert">
                      ⚠ {mErrors.stage}
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
                        setMErrors((x) => ({ ...x, note: '' }))
                      }}
                    />
                    {mErrors.note && (
                      <View className="field-error" role="alert">
                        ⚠ {mErrors.note}
                      </View>
                    )}
                  </View>
                  {mFailure && <ErrorNote text={mFailure} />}
                  <Button id="wm-submit" onTap={submitStep} loading={mBusy}>
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
  useRequireLogin()
  return (
    <WorkerOnly>
      <Objections />
    </WorkerOnly>
  )
}
