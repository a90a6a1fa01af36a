import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError, errorMessage, newIdempotencyKey } from '@/api'
import { getYpCourse, getYpRoster, takeYpAttendance } from '@/api/endpoints/youthPalace'
import type { YpAttendanceResultDto } from '@/domain/contracts/youthPalace'
import { formatDateCn } from '@/domain/time'
import { useSession } from '@/stores/session'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { Chip } from '@/packages/youth-palace/components/Chip'
import { ENROLLMENT_STATUS, serverNow, useLoaded } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'

/** Worker: a course's roster, and attendance of one session with present/absent toggles. */
export default function WorkerAttendance() {
  useRequireLogin()
  const params = useRouter().params
  const courseId = params.id ?? ''
  const me = useSession((s) => s.me)
  const data = useLoaded(async () => {
    if (useSession.getState().me?.role !== 'worker') return null
    const [course, roster, now] = await Promise.all([getYpCourse(courseId), getYpRoster(courseId), serverNow()])
    const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
    return { course, roster, today }
  })
  const [date, setDate] = useState<string | null>(null)
  const [present, setPresent] = useState<Record<string, boolean>>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [result, setResult] = useState<YpAttendanceResultDto | null>(null)
  const key = useRef(newIdempotencyKey())
  if (me?.role !== 'worker')
    return (
      <Page>
        <View className="page-title" role="heading" aria-level={1}>
          名单与点名
        </View>
        <Empty text="这里只有社区工作人员可以进入。" />
      </Page>
    )

  const d = data.data
  const confirmed = d?.roster.filter((r) => r.status === 'confirmed') ?? []
  const past = d
    ? d.course.sessionDates
        .filter((s) => s <= d.today)
        .slice(-4)
        .reverse()
    : []
  const session = date ?? past[0] ?? null
  const taken = session ? confirmed.some((r) => r.attendance[session]) : false

  const submit = async () => {
    if (!session) return
    const ids = confirmed.filter((r) => present[r.enrollmentId]).map((r) => r.enrollmentId)
    const absent = confirmed.length - ids.length
    const q = await Taro.showModal({
      title: '提交点名',
      content: `到 ${ids.length} 人，缺 ${absent} 人。缺课的孩子会记一次缺课，提交后不能修改。`,
      confirmText: '提交',
    })
    if (!q.confirm) return
    setBusy(true)
    setFailure(null)
    try {
      setResult(await takeYpAttendance(courseId, { sessionDate: session, presentEnrollmentIds: ids }, key.current))
      key.current = newIdempotencyKey()
      await data.reload()
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) key.current = newIdempotencyKey()
      setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        {d ? `${d.course.name} · 名单与点名` : '名单与点名'}
      </View>
      {data.loading && !d && <Loading />}
      {data.error && <ErrorNote text={data.error} cause={data.cause} onRetry={data.reload} />}
      {d && (
        <View>
          <Section title={`名单（${d.roster.length} 份报名）`} id="roster">
            {d.roster.length === 0 && <Empty text="还没有人报名这门课。" />}
            {d.roster.map((r) => (
              <View key={r.enrollmentId} className="cell">
                <View className="cell-main">
                  <View className="cell-title">
                    {r.childName}（家长 {r.parentName}）
                  </View>
                  <View className={`tag ${ENROLLMENT_STATUS[r.status].tag}`}>{ENROLLMENT_STATUS[r.status].text}</View>
                  {r.noShow && <View className="tag tag-bad">有缺课记录</View>}
                </View>
              </View>
            ))}
          </Section>
          <Section title="点名" id="attendance">
            {past.length === 0 && (
              <Empty text={`还没开课。第一次课是 ${formatDateCn(d.course.sessionDates[0])}，开课后再来点名。`} />
            )}
            {past.length > 0 && (
              <Options
                id="att-date"
                label="哪一次课"
                value={session}
                onChange={(v) => {
                  setDate(v)
                  setResult(null)
                }}
                options={past.map((s) => ({ value: s, label: formatDateCn(s) }))}
              />
            )}
            {session && taken && <View className="notice">这次课已经点过名。</View>}
            {session && !taken && confirmed.length === 0 && <Empty text="没有已确认名额的孩子。" />}
            {session &&
              !taken &&
              confirmed.map((r) => (
                <View key={r.enrollmentId} className="yp-attend">
                  <View className="cell-main cell-title">{r.childName}</View>
                  <Chip
                    id={`present-${r.enrollmentId}`}
                    label="到了"
                    on={!!present[r.enrollmentId]}
                    onTap={() => setPresent({ ...present, [r.enrollmentId]: true })}
                  />
                  <Chip
                    id={`absent-${r.enrollmentId}`}
                    label="没到"
                    on={!present[r.enrollmentId]}
                    onTap={() => setPresent({ ...present, [r.enrollmentId]: false })}
                  />
                </View>
              ))}
            {result && (
              <View className="notice" role="status">
                已点名：到 {result.present.length} 人，缺 {result.absent.length} 人（已记缺课）。
              </View>
            )}
            {failure && <ErrorNote text={failure} />}
            {session && !taken && confirmed.length > 0 && (
              <Button id="attendance-submit" loading={busy} onTap={submit}>
                提交点名
              </Button>
            )}
            <Button kind="secondary" id="attendance-refresh" onTap={data.reload}>
              刷新名单
            </Button>
          </Section>
        </View>
      )}
    </Page>
  )
}
