import { View } from '@tarojs/components'
import { useState } from 'react'
import { useDraft } from '@/stores/drafts'
import {
  closeYpTerm,
  createYpTerm,
  drawYpTerm,
  listYpCourses,
  listYpWorkerTerms,
  openYpTerm,
} from '@/api/endpoints/youth-palace'
import type { YpCourseDto, YpDrawSummaryDto, YpWorkerTermDto } from '@/domain/youth-palace/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { useRowAction } from '@/ui/useRowAction'
import { useSubmission } from '@/ui/useSubmission'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoaded, workerTermStateCn } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'
import { href, openPage } from '@/ui/nav'

const DATE_HINT = '如 2027-03-06'

/** How a course admits, for the worker: after the draw, what it decided (not the pending count, then 0). */
function admissionCn(c: YpCourseDto): string {
  if (c.admission === 'firstCome') return '先到先得'
  if (!c.draw) return `抽签，已报 ${c.pendingCount}`
  if (c.draw.drawn) return `已抽签：录取 ${c.draw.admitted} 人，候补 ${c.draw.waitlisted} 人`
  return `报名未超过名额：全部录取 ${c.draw.admitted} 人`
}

/**
 * The prompt to close and draw, when a term's lottery courses wait for it (the backend's `drawDue`): once
 * the window is over, more urgently once classes have begun. Null otherwise.
 */
function drawDueCn(t: YpWorkerTermDto): string | null {
  const next = t.status === 'open' ? '请关闭报名并抽签' : '请抽签'
  if (t.drawDue === 'started')
    return `${t.name}已于 ${formatDateCn(t.startDate)} 开课，${t.lotteryCourseCount} 门抽签课程还没有抽签，报名的家庭还不知道能不能上课。${next}。`
  if (t.drawDue === 'ended')
    return `${t.name}的报名已于 ${formatDateCn(t.closesAt)} 截止，${t.lotteryCourseCount} 门抽签课程等您抽签，报名的家庭在等结果。${next}。`
  return null
}

/** Worker: terms and their courses; create a term; open/close registration; run the draw; attendance per course. */
export default function Worker() {
  const me = useSession((s) => s.me)
  const isWorker = me?.role === 'worker'
  const terms = useLoaded(async () => {
    if (useSession.getState().me?.role !== 'worker') return [] as { term: YpWorkerTermDto; courses: YpCourseDto[] }[]
    const ts = await listYpWorkerTerms()
    return Promise.all(ts.slice(0, 3).map(async (term) => ({ term, courses: await listYpCourses(term.id) })))
  })
  const rows = useRowAction()
  const [summary, setSummary] = useState<YpDrawSummaryDto | null>(null)
  // The new-term form is kept as a draft until the term is created (closing the app loses nothing).
  const draft = useDraft('youth-palace/new-term', { name: '', startDate: '', endDate: '', opensAt: '', closesAt: '' })
  const form = draft.value
  const setForm = (next: typeof form) => draft.update(next)
  // A restored draft opens the form again where it was left.
  const [creating, setCreating] = useState(draft.restored && Object.values(form).some(Boolean))
  const creation = useSubmission()

  if (!isWorker) {
    return (
      <Page requireLogin title="青少年宫 · 工作台">
        <Empty text="这里只有社区工作人员可以进入。如果您是工作人员，请用工作人员账号登录。" />
      </Page>
    )
  }

  /** Opens or closes registration, or runs the draw, after a confirmation; a failure is said under the term. */
  const run = (termId: string, action: 'open' | 'close' | 'draw', question: { title: string; content: string }) =>
    rows.run(
      `${action}-${termId}`,
      async (key) => {
        if (action === 'open') await openYpTerm(termId, key)
        if (action === 'close') await closeYpTerm(termId, key)
        if (action === 'draw') setSummary(await drawYpTerm(termId, key))
      },
      { row: termId, confirm: { ...question, confirmText: '确定' }, done: () => terms.reload() },
    )

  const createTerm = () =>
    creation.submit(
      () => ({}),
      (key) => createYpTerm(form, key),
      async () => {
        setCreating(false)
        draft.clear()
        await terms.reload()
      },
    )

  return (
    <Page requireLogin title="青少年宫 · 工作台">
      <Loaded of={terms} />
      {summary && (
        <View className="notice" role="status" id="draw-summary">
          {summary.term.name}已抽签：
          {summary.courses.map((c) => (
            <View key={c.courseId}>
              《{c.courseName}》{c.applicants} 人报名、{c.seats} 个名额：
              {c.drawn ? `抽签录取 ${c.admitted} 人，候补 ${c.waitlisted} 人` : `全部录取 ${c.admitted} 人`}
            </View>
          ))}
          <View>已通知中签和候补的家庭，中签家庭有 24 小时确认。</View>
        </View>
      )}
      {terms.data?.map(({ term: t }) => {
        const due = drawDueCn(t)
        return due ? (
          <View key={t.id} className="notice yp-due" role="alert" id={`draw-due-${t.id}`}>
            {due}
          </View>
        ) : null
      })}
      {terms.data && terms.data.length === 0 && <Empty text="还没有学期。请先新建一个学期。" />}
      {terms.data?.map(({ term: t, courses }) => (
        <Section key={t.id} title={t.name} id={`term-${t.id}`}>
          <View className="yp-block">
            <View className={`tag ${workerTermStateCn(t).tag}`} id={`term-state-${t.id}`}>
              {workerTermStateCn(t).text}
            </View>
            <View className="yp-line">
              报名 {formatDateCn(t.opensAt)} 至 {formatDateCn(t.closesAt)}
            </View>
            <View className="yp-line">
              上课 {formatDateCn(t.startDate)} 至 {formatDateCn(t.endDate)} · {t.courseCount} 门课
            </View>
            {rows.failure(t.id) && <ErrorNote text={rows.failure(t.id)?.text ?? ''} />}
            {t.status === 'draft' && (
              <Button
                id={`open-${t.id}`}
                loading={rows.busy === `open-${t.id}`}
                onTap={() =>
                  run(t.id, 'open', {
                    title: '开放报名',
                    content: '开放后家长就能看到并报名，抽签课程的指纹会同时公布，不能再改。',
                  })
                }
              >
                开放报名
              </Button>
            )}
            {t.status === 'open' && t.phase !== 'ended' && (
              <View className="yp-line" id={`close-when-${t.id}`}>
                报名到 {formatDateCn(t.closesAt)} 当天结束，{formatDateCn(t.closableFrom)} 起可以关闭报名
                {t.lotteryCourseCount ? '并抽签' : ''}。
              </View>
            )}
            {t.status === 'open' && t.phase === 'ended' && (
              <Button
                id={`close-${t.id}`}
                loading={rows.busy === `close-${t.id}`}
                onTap={() =>
                  run(t.id, 'close', {
                    title: '关闭报名',
                    content: `报名已于 ${formatDateCn(t.closesAt)} 截止。关闭后家长不能再报名${t.lotteryCourseCount ? '，接下来请抽签' : ''}。`,
                  })
                }
              >
                关闭报名
              </Button>
            )}
            {t.status === 'closed' && (
              <Button
                id={`draw-${t.id}`}
                loading={rows.busy === `draw-${t.id}`}
                onTap={() =>
                  run(t.id, 'draw', {
                    title: '开始抽签',
                    content: '抽签会公开秘密随机数并按公开的算法排序，结果不能重抽。',
                  })
                }
              >
                开始抽签
              </Button>
            )}
            {(t.status === 'draft' || t.status === 'open') && (
              <Button
                kind="secondary"
                id={`add-course-${t.id}`}
                onTap={() => openPage(href.youthPalace.workerCourse({ termId: t.id }))}
              >
                添加课程
              </Button>
            )}
          </View>
          {courses.map((c) => (
            <Cell
              key={c.id}
              id={`roster-${c.id}`}
              title={`${c.name}（${c.scheduleText}）`}
              note={`${c.ageMin}–${c.ageMax} 岁 · ${c.capacity} 个名额 · 余 ${c.seatsLeft} · ${admissionCn(c)} · ${c.feeFen ? formatFen(c.feeFen) : '免费'}`}
              value="名单与点名"
              onTap={() => openPage(href.youthPalace.workerAttendance({ id: c.id, name: c.name }))}
            />
          ))}
        </Section>
      ))}
      {!creating && terms.data && (
        <Button kind="secondary" id="new-term" onTap={() => setCreating(true)}>
          新建学期
        </Button>
      )}
      {creating && (
        <Section title="新建学期" id="term-form">
          <Field
            id="term-name"
            label="学期名称"
            value={form.name}
            placeholder="如 2027年春季学期"
            onInput={(name) => setForm({ ...form, name })}
            error={creation.errors.name}
          />
          <Field
            id="term-opens"
            label="报名开始日期"
            value={form.opensAt}
            placeholder={DATE_HINT}
            onInput={(opensAt) => setForm({ ...form, opensAt })}
            error={creation.errors.opensAt}
            maxlength={10}
          />
          <Field
            id="term-closes"
            label="报名截止日期"
            value={form.closesAt}
            placeholder={DATE_HINT}
            onInput={(closesAt) => setForm({ ...form, closesAt })}
            error={creation.errors.closesAt}
            maxlength={10}
          />
          <Field
            id="term-start"
            label="开课日期"
            value={form.startDate}
            placeholder={DATE_HINT}
            onInput={(startDate) => setForm({ ...form, startDate })}
            error={creation.errors.startDate}
            maxlength={10}
          />
          <Field
            id="term-end"
            label="结课日期"
            value={form.endDate}
            placeholder={DATE_HINT}
            onInput={(endDate) => setForm({ ...form, endDate })}
            error={creation.errors.endDate}
            maxlength={10}
          />
          {creation.failure && <ErrorNote text={creation.failure} />}
          <View className="btn-row">
            <Button
              kind="secondary"
              onTap={() => {
                setCreating(false)
                draft.clear()
              }}
            >
              取消
            </Button>
            <Button id="term-submit" loading={creation.busy} onTap={createTerm}>
              保存为草稿
            </Button>
          </View>
        </Section>
      )}
    </Page>
  )
}
