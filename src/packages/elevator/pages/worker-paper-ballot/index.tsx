import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '@/api'
import { enterPaperElevatorBallot, getElevatorCostTable } from '@/api/endpoints/elevator'
import type { ElevatorBallotResultDto, ElevatorChoiceDto, ElevatorShareRowDto } from '@/domain/elevator/contracts'
import { VOTE_CHOICE_LABELS, VOTE_CHOICES } from '@/domain/elevator/values'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { base64Bytes, pickPhotoBase64 } from '@/ui/photo'
import { ErrorNote, Loading, Section } from '@/ui/States'
import { KV } from '@/packages/elevator/components/KV'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { WorkerOnly } from '@/ui/WorkerOnly'
import { CHANNEL_CN, CHOICE_CN, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'
import { goBack, href } from '@/ui/nav'

/** The owner's other flats in the unit (room names), besides the row's own. */
const otherRooms = (r: ElevatorShareRowDto) => (r.ownerRooms ?? []).filter((n) => n !== r.roomName)

function PaperBallot() {
  const id = useRouter().params.id ?? ''
  const { data, error, cause, loading, reload } = useLoader(() => getElevatorCostTable(id))
  const [householdId, setHouseholdId] = useState<string | null>(null)
  const [channel, setChannel] = useState<'paper' | 'door'>('paper')
  const [choice, setChoice] = useState<ElevatorChoiceDto | null>(null)
  const [photo, setPhoto] = useState<string | null>(null)
  const [result, setResult] = useState<ElevatorBallotResultDto | null>(null)
  const s = useSubmission()
  const { errors, clearError } = s

  const takePhoto = async () => {
    try {
      setPhoto(await pickPhotoBase64())
      clearError('photo')
    } catch (e) {
      s.setErrors((x) => ({ ...x, photo: (e as Error).message }))
    }
  }

  const submit = () =>
    s.submit(
      () => ({
        householdId: householdId ? '' : '请选择房屋',
        choice: choice ? '' : '请选择表决票上的意见',
        photo: photo ? '' : '请拍摄业主签字的表决票',
      }),
      // Replacing is asked in the confirmation above; a vote cast since the page loaded is refused (409) and reloaded.
      async (key) => {
        try {
          return await enterPaperElevatorBallot(
            id,
            {
              householdId: householdId!,
              channel,
              choice: choice!,
              photo: photo!,
              replaceExisting: !!data?.rows.find((r) => r.householdId === householdId)?.ballot,
            },
            key,
          )
        } catch (e) {
          if (e instanceof ApiError && e.code === 'ALREADY_VOTED') reload()
          throw e
        }
      },
      (r) => {
        setResult(r)
        // Fetched again now, so the list is fresh when the worker goes on to the next household.
        reload()
      },
      {
        confirm: async () => {
          const row = data?.rows.find((r) => r.householdId === householdId)
          const rooms = row?.ownerRooms?.length ? row.ownerRooms : row ? [row.roomName] : []
          // An owner of several flats votes once for all of them: the ballot is entered (or replaced) for each.
          const room =
            rooms.length > 1 ? `${rooms.join('、')}（同一位业主的 ${rooms.length} 套房，一票算全部）` : (rooms[0] ?? '')
          const earlier = row?.ballot
          const content = earlier
            ? `${room} 已于 ${dateTimeOf(earlier.at)} ${CHANNEL_CN[earlier.channel]}表决“${CHOICE_CN[earlier.choice]}”。录入后将替换为${CHANNEL_CN[channel]}表决票“${CHOICE_CN[choice!]}”（以最后一次为准），请确认这是业主本人签字的新意见。业主会收到通知。`
            : `将以您的名义为 ${room} 录入${CHANNEL_CN[channel]}表决票“${CHOICE_CN[choice!]}”，业主会收到通知。`
          return (
            await Taro.showModal({
              title: earlier ? '替换已有表决' : '确认录入',
              content,
              confirmText: earlier ? '替换录入' : '确认录入',
              cancelText: '再看看',
            })
          ).confirm
        },
      },
    )

  if (result) {
    return (
      <Page backTo={href.elevator.worker()}>
        <View className="page-title" role="heading" aria-level={1}>
          已录入
        </View>
        <View className="ev-result" id="paper-done">
          <View className="ev-big">
            {result.households.map((h) => h.roomName).join('、')}：{CHOICE_CN[result.choice]}（
            {CHANNEL_CN[result.channel]}）
          </View>
          <View className="cell-note">{result.note} 已通知业主本人；如非本人意愿，业主可在截止前改票。</View>
        </View>
        <KV label="录入时间" value={dateTimeOf(result.signedAt)} />
        <KV label="记录序号" value={result.households.map((h) => `第 ${h.seq} 条`).join('、')} />
        <Button
          id="paper-another"
          onTap={() => {
            setResult(null)
            setHouseholdId(null)
            setChoice(null)
            setPhoto(null)
            // The list shows each flat's current ballot: fetch it again, with the one just entered.
            if (!loading) reload()
          }}
        >
          继续录入下一户
        </Button>
        <Button id="paper-back" kind="secondary" onTap={() => goBack(href.elevator.worker())}>
          返回工作台
        </Button>
      </Page>
    )
  }

  return (
    <Page backTo={href.elevator.worker()}>
      <View className="page-title" role="heading" aria-level={1}>
        录入纸质 / 上门表决票
      </View>
      {loading && !data && <Loading />}
      {error && <ErrorNote text={error} cause={cause} onRetry={reload} />}
      {data && (
        <View>
          <View className="secondary">{data.unitLabel}</View>
          {loading && (
            <View className="secondary" role="status" id="paper-refreshing">
              正在更新各户的表决情况…
            </View>
          )}
          <Options
            id="paper-household"
            label="房屋"
            value={householdId}
            onChange={(v) => {
              setHouseholdId(v)
              clearError('householdId')
            }}
            options={data.rows.map((r) => ({
              value: r.householdId,
              label: `${r.roomName} 室`,
              note:
                (r.ballot
                  ? `${r.floor} 层 · 已${CHANNEL_CN[r.ballot.channel]}表决：${CHOICE_CN[r.ballot.choice]}`
                  : `${r.floor} 层 · 未表决`) +
                (r.ownerRooms && r.ownerRooms.length > 1
                  ? ` · 业主还有 ${otherRooms(r).join('、')} 室，一票算全部`
                  : ''),
            }))}
          />
          {errors.householdId && (
            <View className="field-error" role="alert">
              ⚠ {errors.householdId}
            </View>
          )}
          <Options
            id="paper-channel"
            label="方式"
            value={channel}
            onChange={setChannel}
            options={[
              { value: 'paper', label: '纸质表决票', note: '业主交来的签字表决票' },
              { value: 'door', label: '上门表决', note: '工作人员上门，业主当面签字' },
            ]}
          />
          <Options
            id="paper-choice"
            label="表决票上的意见"
            value={choice}
            onChange={(v) => {
              setChoice(v)
              clearError('choice')
            }}
            options={VOTE_CHOICES.map((value) => ({ value, label: VOTE_CHOICE_LABELS[value] }))}
          />
          {errors.choice && (
            <View className="field-error" role="alert">
              ⚠ {errors.choice}
            </View>
          )}
          <Section title="签字表决票照片">
            {photo ? (
              <View className="ev-row">
                <View className="tag tag-ok" id="paper-photo-ok">
                  已拍摄，约 {Math.max(1, Math.round(base64Bytes(photo) / 1024))} KB
                </View>
              </View>
            ) : (
              <View className="cell-note ev-row">还没有拍摄</View>
            )}
            {errors.photo && (
              <View className="field-error" role="alert">
                ⚠ {errors.photo}
              </View>
            )}
            <Button id="paper-photo" kind="secondary" onTap={takePhoto}>
              {photo ? '重新拍摄' : '拍摄表决票'}
            </Button>
          </Section>
          {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
          <Button id="paper-submit" onTap={submit} loading={s.busy}>
            录入表决票
          </Button>
        </View>
      )}
    </Page>
  )
}

/** Worker: enter a paper or door-to-door ballot for a household, with a photo of the signed form. */
export default function WorkerPaperBallot() {
  useRequireLogin()
  return (
    <WorkerOnly>
      <PaperBallot />
    </WorkerOnly>
  )
}
