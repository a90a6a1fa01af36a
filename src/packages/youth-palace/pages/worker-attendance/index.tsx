import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '@/api'
import { getYpCourse, getYpRoster, takeYpAttendance } from '@/api/endpoints/youth-palace'
import type { YpAttendanceResultDto, YpRosterEntryDto } from '@/domain/youth-palace/contracts'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useSubmission } from '@/ui/useSubmission'
import { CancelSession } from '@/packages/youth-palace/components/CancelSession'
import { Chip } from '@/packages/youth-palace/components/Chip'
import { ScanCheckin } from '@/packages/youth-palace/components/ScanCheckin'
import { serverNow, useLoaded, WORKER_ENROLLMENT_STATUS } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'

/** A session's roll call as the page shows it: not taken, taken today (correctable), or final. */
type RollState = 'new' | 'correctable' | 'final'

/**
 * Where a session's roll call stands for the confirmed children: the marks are correctable on the
 * Beijing date they were made (`markedOn`), final after it; `new` before any mark.
 */
function rollState(confirmed: YpRosterEntryDto[], session: string, today: string): RollState {
  const days = confirmed.flatMap((r) => (r.markedOn[session] ? [r.markedOn[session]] : []))
  if (days.length === 0) return 'new'
  return days.every((d) => d === today) ? 'correctable' : 'final'
}

/** The marks already made for a session (enrollment id → present). */
const marksOf = (confirmed: YpRosterEntryDto[], session: string): Record<string, boolean> =>
  Object.fromEntries(
    confirmed.filter((r) => r.attendance[session]).map((r) => [r.enrollmentId, r.attendance[session] === 'present']),
  )

/**
 * Worker: a course's roster, and the roll call of one session. Every child starts unmarked and must be
 * marked 到了 or 没到 before it is sent; on the day it was taken it may be corrected, then it is final.
 */
export default function WorkerAttendance() {
  const params = useRouter().params
  const courseId = params.id ?? ''
  const me = useSession((s) => s.me)
  const data = useLoaded(async () => {
    if (useSession.getState().me?.role !== 'worker') return null
    const [course, roster, now] = await Promise.all([getYpCourse(courseId), getYpRoster(courseId), serverNow()])
    return { course, roster, today: beijingDate(now) }
  })
  const [date, setDate] = useState<string | null>(null)
  /** Marks changed on this page since the data loaded, per session: enrollment id → present. */
  const [edits, setEdits] = useState<Record<string, Record<string, boolean>>>({})
  const [correcting, setCorrecting] = useState(false)
  /** Check-in codes scanned on this page, per session: enrollment id → code (sent with the roll call). */
  const [codes, setCodes] = useState<Record<string, Record<string, string>>>({})
  const [result, setResult] = useState<YpAttendanceResultDto | null>(null)
  // One key per session; choosing another session starts over (a kept key is never sent for it).
  const roll = useSubmission()
  if (me?.role !== 'worker')
    return (
      <Page requireLogin title="名单与点名">
        <Empty text="这里只有社区工作人员可以进入。" />
      </Page>
    )

  const d = data.data
  const confirmed = d?.roster.filter((r) => r.status === 'confirmed') ?? []
  const past = d
    ? d.course.sessionDates
        .filter((s) => s <= d.today && !d.course.cancelledSessions.includes(s))
        .slice(-4)
        .reverse()
    : []
  const session = date ?? past[0] ?? null
  const state = session && d ? rollState(confirmed, session, d.today) : 'new'
  const editable = state === 'new' || (state === 'correctable' && correcting)
  const marks = session ? { ...marksOf(confirmed, session), ...edits[session] } : {}
  // Children on leave (请假) for the session need no mark: never a no-show.
  const onLeave = (r: YpRosterEntryDto) => !!session && r.leave.includes(session)
  const unmarked = confirmed.filter((r) => marks[r.enrollmentId] === undefined && !onLeave(r))
  const leaveCount = confirmed.filter((r) => onLeave(r) && marks[r.enrollmentId] === undefined).length
  /** The roll call's failure: children left unmarked (said here), or the request's. */
  const failure = roll.errors.marks
    ? { text: roll.errors.marks }
    : roll.failure
      ? { text: roll.failure, cause: roll.cause }
      : null
  const clearFailure = () => {
    roll.clearError('marks')
    roll.clearFailure()
  }
  const setMark = (id: string, present: boolean) => {
    if (!session) return
    setEdits({ ...edits, [session]: { ...edits[session], [id]: present } })
    clearFailure()
  }

  const submit = async () => {
    if (!session) return
    const present = confirmed.filter((r) => marks[r.enrollmentId]).map((r) => r.enrollmentId)
    const absent = confirmed.filter((r) => marks[r.enrollmentId] === false).map((r) => r.enrollmentId)
    await roll.submit(
      () => ({
        marks: unmarked.length
          ? `还有 ${unmarked.length} 个孩子没有点名：${unmarked.map((r) => r.childName).join('、')}。请为每个孩子选「到了」或「没到」`
          : '',
      }),
      (key) =>
        takeYpAttendance(
          courseId,
          {
            sessionDate: session,
            codes: present.flatMap((id) => (codes[session]?.[id] ? [codes[session][id]] : [])),
            presentEnrollmentIds: present,
            absentEnrollmentIds: absent,
          },
          key,
        ),
      async (done) => {
        setResult(done)
        setCorrecting(false)
        await data.reload()
        setEdits({ ...edits, [session]: {} })
      },
      {
        action: session,
        confirm: async () =>
          (
            await Taro.showModal({
              title: state === 'new' ? '提交点名' : '提交更正',
              content:
                `到了 ${present.length} 人，没到 ${absent.length} 人。` +
                (absent.length ? '没到的孩子各记一次未到课，家长会收到通知。' : '') +
                `今天（${formatDateCn(d!.today)}）之内还可以更正，之后不能再改。`,
              confirmText: '提交',
              cancelText: '再看看',
            })
          ).confirm,
        failed: async (e) => {
          if (e instanceof ApiError && e.status === 409) await data.reload()
        },
      },
    )
  }

  return (
    <Page requireLogin title={d ? `${d.course.name} · 名单与点名` : '名单与点名'}>
      <Loaded of={data} />
      {d && (
        <View>
          <Section title="点名" id="attendance">
            {past.length === 0 && (
              <Empty
                text={
                  d.course.sessionDates.length
                    ? `还没开课。第一次课是 ${formatDateCn(d.course.sessionDates[0])}，开课后再来点名。`
                    : '这门课没有排课日期。'
                }
              />
            )}
            {past.length > 0 && (
              <Options
                id="att-date"
                label="哪一次课"
                value={session}
                onChange={(v) => {
                  setDate(v)
                  setResult(null)
                  roll.startOver()
                  setCorrecting(false)
                }}
                options={past.map((s) => ({ value: s, label: formatDateCn(s) }))}
              />
            )}
            {session && confirmed.length === 0 && <Empty text="没有已确认名额的孩子，不用点名。" />}
            {session && confirmed.length > 0 && state === 'correctable' && !correcting && (
              <View className="notice" id="att-taken">
                这次课今天已经点过名。如有点错，今天之内可以更正，明天起结果就确定了。
              </View>
            )}
            {session && confirmed.length > 0 && state === 'final' && (
              <View className="notice" id="att-final">
                这次课已在 {formatDateCn(confirmed.find((r) => r.markedOn[session])!.markedOn[session])}{' '}
                点名，结果已确定，不能再改。
              </View>
            )}
            {session && confirmed.length > 0 && state === 'new' && (
              <View className="notice" id="att-new">
                请为每个孩子选「到了」或「没到」，全部点完再提交。
              </View>
            )}
            {session && editable && confirmed.length > 0 && (
              <ScanCheckin
                roster={confirmed}
                session={session}
                onPresent={(id, code) => {
                  setMark(id, true)
                  setCodes({ ...codes, [session]: { ...codes[session], [id]: code } })
                }}
              />
            )}
            {session &&
              confirmed.map((r) => {
                const m = marks[r.enrollmentId]
                return (
                  <View key={r.enrollmentId} className="yp-attend" id={`att-${r.enrollmentId}`}>
                    <View className="cell-main cell-title">{r.childName}</View>
                    {onLeave(r) && m === undefined ? (
                      <View className="tag tag-info" id={`leave-${r.enrollmentId}`}>
                        请假
                      </View>
                    ) : editable ? (
                      <View className="yp-chips" role="group" aria-label={`${r.childName}：到了还是没到`}>
                        <Chip
                          id={`present-${r.enrollmentId}`}
                          label="到了"
                          on={m === true}
                          onTap={() => setMark(r.enrollmentId, true)}
                        />
                        <Chip
                          id={`absent-${r.enrollmentId}`}
                          label="没到"
                          on={m === false}
                          onTap={() => setMark(r.enrollmentId, false)}
                        />
                      </View>
                    ) : (
                      <View className={`tag ${m === undefined ? 'tag-info' : m ? 'tag-ok' : 'tag-bad'}`}>
                        {m === undefined ? '没有点名' : m ? '到了' : '没到'}
                      </View>
                    )}
                  </View>
                )
              })}
            {session && editable && confirmed.length > 0 && (
              <View className="yp-line" id="att-count">
                {unmarked.length
                  ? `还有 ${unmarked.length} 个孩子没有点名`
                  : `已全部点名：共 ${confirmed.length} 人${leaveCount ? `（其中 ${leaveCount} 人请假）` : ''}`}
              </View>
            )}
            {result && (
              <View className="notice" role="status" id="att-result">
                {result.corrected.length ? `已更正 ${result.corrected.length} 人。` : '已点名。'}到了{' '}
                {result.present.length} 人，没到 {result.absent.length} 人（各记一次未到课）
                {result.onLeave.length ? `，请假 ${result.onLeave.length} 人（不记未到课）` : ''}。
              </View>
            )}
            {failure && <ErrorNote text={failure.text} cause={failure.cause} />}
            {session && editable && confirmed.length > 0 && (
              <View className="btn-row">
                {unmarked.length > 0 && (
                  <Button
                    kind="secondary"
                    id="attendance-all-present"
                    onTap={() => {
                      setEdits({
                        ...edits,
                        [session]: {
                          ...edits[session],
                          ...Object.fromEntries(unmarked.map((r) => [r.enrollmentId, true])),
                        },
                      })
                      clearFailure()
                    }}
                  >
                    其余都到了
                  </Button>
                )}
                <Button id="attendance-submit" loading={roll.busy} onTap={submit}>
                  {state === 'new' ? '提交点名' : '提交更正'}
                </Button>
              </View>
            )}
            {session && confirmed.length > 0 && state === 'correctable' && !correcting && (
              <Button
                kind="secondary"
                id="attendance-correct"
                onTap={() => {
                  setCorrecting(true)
                  setResult(null)
                }}
              >
                更正点名
              </Button>
            )}
            {session && correcting && (
              <Button
                kind="secondary"
                id="attendance-cancel-correct"
                onTap={() => {
                  setCorrecting(false)
                  setEdits({ ...edits, [session]: {} })
                  clearFailure()
                }}
              >
                不更正了
              </Button>
            )}
          </Section>
          <CancelSession course={d.course} today={d.today} done={data.reload} />
          <Section title={`名单（${d.roster.length} 份报名）`} id="roster">
            {d.roster.length === 0 && <Empty text="还没有人报名这门课。" />}
            {d.roster.map((r) => (
              <View key={r.enrollmentId} className="cell" id={`roster-${r.enrollmentId}`}>
                <View className="cell-main">
                  <View className="cell-title">
                    {r.childName}（家长 {r.parentName}）
                  </View>
                  <View className={`tag ${WORKER_ENROLLMENT_STATUS[r.status].tag}`}>
                    {WORKER_ENROLLMENT_STATUS[r.status].text}
                  </View>
                  {r.noShow && <View className="tag tag-bad">有未到课记录</View>}
                </View>
              </View>
            ))}
            <Button kind="secondary" id="attendance-refresh" onTap={data.reload}>
              刷新名单
            </Button>
          </Section>
        </View>
      )}
    </Page>
  )
}
