import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { listYpCourses } from '@/api/endpoints/youth-palace'
import type { YpCourseDto } from '@/domain/youth-palace/contracts'
import { formatFen } from '@/domain/shared/money'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Part } from '@/ui/Part'
import { Empty, Loaded, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { ChipGroup } from '@/packages/youth-palace/components/Chip'
import { WEEKDAY_CN, courseOutcomeCn } from '@/packages/youth-palace/components/util'
import { currentTerm, useYouthPalace, useYpTerms } from '@/packages/youth-palace/store'
import '@/packages/youth-palace/feature.css'
import { href, openPage } from '@/ui/nav'

const PAGE_SIZE = 6

/** Course list: filter by child (only courses the child fits), category, site, weekday; seats left and fee. */
export default function Courses() {
  const params = useRouter().params
  const children = useYouthPalace((s) => s.children)
  const termList = useYpTerms()
  const terms = termList.data ?? []
  const termId = params.termId || currentTerm(terms)?.id || ''
  const [childId, setChildId] = useState(params.childId ?? '')
  const [category, setCategory] = useState('')
  const [site, setSite] = useState('')
  const [weekday, setWeekday] = useState('')
  const [courses, setCourses] = useState<YpCourseDto[] | null>(null)
  const [cause, setCause] = useState<unknown>(null)
  const [shown, setShown] = useState(PAGE_SIZE)
  const [more, setMore] = useState(false)
  const [all, setAll] = useState<YpCourseDto[]>([])
  useEffect(() => {
    if (termId)
      listYpCourses(termId)
        .then(setAll)
        .catch(() => {})
  }, [termId])
  const uniq = <T,>(xs: T[]) => [...new Set(xs)]
  const categories = uniq(all.map((c) => c.category))
  const sites = uniq(all.map((c) => c.site))
  const weekdays = uniq(all.flatMap((c) => c.sessions.map((s) => s.weekday))).sort(
    (a, b) => ((a + 6) % 7) - ((b + 6) % 7),
  )
  useDidShow(() => {
    const yp = useYouthPalace.getState()
    if (!yp.childrenState.loaded) yp.loadChildren()
    if (!yp.termsState.loaded) yp.loadTerms()
  })

  const load = useCallback(async () => {
    if (!termId) return
    setCause(null)
    try {
      setCourses(
        await listYpCourses(termId, {
          childId: childId || undefined,
          category: category || undefined,
          site: site || undefined,
          weekday: weekday === '' ? undefined : Number(weekday),
        }),
      )
    } catch (e) {
      setCause(e ?? new Error('load failed'))
    }
  }, [termId, childId, category, site, weekday])
  // A new term or filter starts the list again from its first page.
  useEffect(() => {
    setShown(PAGE_SIZE)
    load()
  }, [load])
  useDidShow(() => {
    if (courses) load()
  })

  const child = children.find((c) => c.id === childId)
  const list = courses ?? []
  return (
    <Page requireLogin title={child ? `适合${child.name}的课程` : '全部课程'}>
      <Section title="筛选">
        {children.length > 0 && (
          <ChipGroup
            id="f-child"
            label="为哪个孩子找课（只显示年龄合适的）"
            value={childId}
            options={children.map((c) => ({ value: c.id, label: `${c.name} ${c.age}岁` }))}
            onChange={setChildId}
          />
        )}
        {!more && (
          <Button kind="secondary" id="more-filters" onTap={() => setMore(true)}>
            {`更多筛选（类别、地点、星期）${[category, site, weekday].filter((x) => x !== '').length ? ' · 已选条件' : ''}`}
          </Button>
        )}
        {more && (
          <ChipGroup
            id="f-cat"
            label="类别"
            value={category}
            options={categories.map((c) => ({ value: c, label: c }))}
            onChange={setCategory}
          />
        )}
        {more && (
          <ChipGroup
            id="f-site"
            label="上课地点"
            value={site}
            options={sites.map((s) => ({ value: s, label: s }))}
            onChange={setSite}
          />
        )}
        {more && (
          <ChipGroup
            id="f-day"
            label="星期"
            value={weekday}
            options={weekdays.map((d) => ({ value: String(d), label: WEEKDAY_CN[d] }))}
            onChange={setWeekday}
          />
        )}
      </Section>
      {!params.termId && (
        <Part of={[termList]} what="学期">
          {() => !termId && <Empty text="社区还没有发布学期课程，发布后会通知您。" />}
        </Part>
      )}
      <Loaded of={{ data: courses, cause, loading: !!termId && !cause, reload: load }} />
      {courses && (
        <Section title={`共 ${list.length} 门课程`} id="course-list">
          {list.length === 0 && <Empty text="没有符合条件的课程。可以把筛选条件改成“不限”再看看。" />}
          {list.slice(0, shown).map((c) => {
            const outcome = courseOutcomeCn(c)
            return (
              <View
                key={c.id}
                id={`course-${c.id}`}
                className="yp-course"
                {...tappable(
                  undefined,
                  () => openPage(href.youthPalace.course({ id: c.id, childId: childId || undefined })),
                  'link',
                )}
              >
                <View className="yp-course-name">{c.name}</View>
                <View className="yp-line">
                  {c.scheduleText} · {c.site}
                </View>
                <View className="yp-line">
                  {c.ageMin}–{c.ageMax} 岁 · 老师 {c.teacher}
                </View>
                <View className="yp-row">
                  {outcome !== null && (
                    <View className={`tag ${c.draw ? 'tag-info' : 'tag-warn'}`} id={`course-state-${c.id}`}>
                      {outcome}
                    </View>
                  )}
                  {outcome === null && (
                    <View className={`tag ${c.seatsLeft > 0 ? 'tag-ok' : 'tag-bad'}`}>
                      {c.seatsLeft > 0 ? `余 ${c.seatsLeft} 个名额` : '名额已满'}
                    </View>
                  )}
                  {outcome === null && c.admission === 'lottery' && (
                    <View className="tag tag-info">
                      {c.pendingCount > c.capacity ? `${c.pendingCount} 人报名，将抽签` : '报满后抽签'}
                    </View>
                  )}
                  <View className="tag tag-info">
                    {c.feeFen === 0 ? '免费' : `学费 ${formatFen(c.childFeeFen ?? c.feeFen)}`}
                  </View>
                </View>
              </View>
            )
          })}
          {list.length > shown && (
            <Button kind="secondary" id="more-courses" onTap={() => setShown(shown + PAGE_SIZE)}>
              {list.length - shown <= PAGE_SIZE
                ? `再看剩下的 ${list.length - shown} 门`
                : `再看 ${PAGE_SIZE} 门（还有 ${list.length - shown} 门）`}
            </Button>
          )}
        </Section>
      )}
      {courses && (
        <Button
          kind="secondary"
          id="go-my-courses"
          onTap={() => openPage(href.youthPalace.myCourses({ childId: childId || undefined }))}
        >
          看已报的课程
        </Button>
      )}
    </Page>
  )
}
