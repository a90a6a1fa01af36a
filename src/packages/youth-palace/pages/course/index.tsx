import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '@/api'
import { applyYpCourse, getYpCourse } from '@/api/endpoints/youth-palace'
import type { YpCourseDetailDto, YpCourseDto, YpEnrollmentDto } from '@/domain/youth-palace/contracts'
import { DEFAULT_YOUTH_SETTINGS } from '@/domain/youth-palace/types'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page, PageTitle } from '@/ui/Page'
import { Part } from '@/ui/Part'
import { Empty, ErrorNote, Section } from '@/ui/States'
import { useSubmission } from '@/ui/useSubmission'
import {
  ENROLLMENT_STATUS,
  courseOutcomeCn,
  formatInstantCn,
  registrationOver,
  useLoaded,
} from '@/packages/youth-palace/components/util'
import { useYouthPalace, useYpChildren } from '@/packages/youth-palace/store'
import '@/packages/youth-palace/feature.css'
import { href, openPage } from '@/ui/nav'

function Kv({ k, v }: { k: string; v: string }) {
  return (
    <View className="yp-kv">
      <View className="yp-k">{k}</View>
      <View className="yp-v">{v}</View>
    </View>
  )
}

/** How the course admits, in words; once registration is over, where the draw stands (backend's clock). */
function admissionCn(c: YpCourseDto): string {
  if (c.admission === 'firstCome')
    return registrationOver(c) ? '按报名先后录取；报名已截止，不再接受报名和候补' : '按报名先后录取，满了可以候补'
  if (!registrationOver(c)) return `报名截止后，报名人数超过名额就公开抽签（已有 ${c.pendingCount} 人报名）`
  if (c.draw) return courseOutcomeCn(c) ?? ''
  return `报名已截止，${c.pendingCount} 人报名、${c.capacity} 个名额，${c.pendingCount > c.capacity ? '将公开抽签' : '人数没有超过名额，将全部录取'}，等待公布结果`
}

/** Why families can no longer apply (registration over), and where to look instead. */
function closedCn(c: YpCourseDto): string {
  const next =
    c.admission === 'firstCome'
      ? '已报上的孩子可以在“我的课程”里看名额和签到码。'
      : c.draw
        ? '结果已公布，可以点上面的“查看抽签公示与结果”核对。'
        : '抽签后会通知已报名的家庭，也可以在“我的课程”里看结果。'
  return `报名已于 ${formatDateCn(c.closesAt)} 截止，不能再报名，也不能再加入候补。${next}可以关注下学期的报名通知。`
}

/**
 * Why the viewer cannot apply yet although registration is open: the first days are for residents with
 * priority (a verified room in the community, fewer than 3 no-shows last term), decided by the backend.
 */
function notYetCn(c: YpCourseDetailDto): string {
  const { nonResidentDelayDays: days, noShowLimit } = DEFAULT_YOUTH_SETTINGS
  const why = c.viewerResident
    ? `您家上学期缺课满 ${noShowLimit} 次，本学期不享受居民优先`
    : '您在本社区还没有已核实的房屋（业主绑定房屋后自动核实，租户和家属请到社区核实）'
  const when =
    c.viewerOpensAt > c.closesAt
      ? '本学期的报名只对本社区居民开放，请关注下学期的报名通知'
      : `您可以从 ${formatDateCn(c.viewerOpensAt)} 起报名`
  return `报名开始的前 ${days} 天只接受本社区居民报名。${why}。${when}。`
}

/**
 * Course detail: teacher, site, schedule, seats, fee (hardship price), apply for a chosen child, waitlist when full.
 */
export default function Course() {
  const params = useRouter().params
  const courseId = params.id ?? ''
  const kids = useYpChildren()
  const children = kids.data ?? []
  const [childId, setChildId] = useState<string | null>(params.childId || null)
  // The course and the children load side by side: the course shows as soon as it arrives, and a
  // failed children list is said (with its own 重试) where the child is chosen, not "还没有添加孩子".
  useDidShow(() => {
    const yp = useYouthPalace.getState()
    if (!yp.childrenState.loaded) yp.loadChildren()
  })
  const course = useLoaded(() => getYpCourse(courseId, childId ?? undefined))
  // Choosing another child reloads the course, which is fetched for that child; useLoader does the
  // first load.
  const reloadCourse = course.reload
  const hasCourse = course.data !== null
  const shownChild = useRef(childId)
  useEffect(() => {
    if (shownChild.current === childId) return
    shownChild.current = childId
    if (hasCourse) reloadCourse()
  }, [childId, hasCourse, reloadCourse])
  const [done, setDone] = useState<YpEnrollmentDto | null>(null)
  // 报名 and 加入候补 each keep their own key; choosing another child starts over.
  const enrol = useSubmission()
  const [waitlist, setWaitlist] = useState(false)
  const cause = enrol.cause
  /** Why the last 报名 / 加入候补 did not go through; `full`: 加入候补 is offered right under it. */
  const refusal = enrol.errors.child
    ? { text: enrol.errors.child, full: false, cause: null, waitlist: false }
    : cause
      ? {
          text: enrol.failure ?? '',
          // A waitlist join that got no answer keeps 加入候补 right under its reason, to tap again.
          full: cause instanceof ApiError && (cause.code === 'COURSE_FULL' || (waitlist && cause.retryable)),
          cause,
          waitlist,
        }
      : null

  const pick = (id: string) => {
    setChildId(id)
    setDone(null)
    enrol.startOver()
  }

  const apply = async (joinWaitlist = false) => {
    setWaitlist(joinWaitlist)
    await enrol.submit(
      () => ({ child: childId ? '' : '请先选择为哪个孩子报名' }),
      (key) => applyYpCourse({ childId: childId!, courseId, joinWaitlist }, key),
      (enrolled) => {
        setDone(enrolled)
        course.reload()
      },
      {
        action: joinWaitlist ? 'waitlist' : 'apply',
        notices: ['progress', 'reminder'],
        // The window ended while the page was open: reload, so the page says so instead of offering 报名.
        failed: (e) => {
          if (e instanceof ApiError && e.code === 'REGISTRATION_CLOSED') course.reload()
        },
      },
    )
  }

  const c = course.data
  const child = children.find((x) => x.id === childId)
  // Registration over by the backend's clock: no 报名 (nor 加入候补), the reason instead.
  const over = !!c && registrationOver(c)
  // Open, but not yet for this family (residents-only days): said before they try, no 报名 button.
  const notYet = !!c && !over && !c.viewerPriority && c.today < c.viewerOpensAt
  return (
    <Page requireLogin>
      {!c && <PageTitle>课程详情</PageTitle>}
      <Part of={[course]} what="课程信息" lines={4}>
        {() => null}
      </Part>
      {c && (
        <View>
          <PageTitle>{c.name}</PageTitle>
          <View className="secondary">{c.description}</View>
          <Section title="课程信息" id="course-info">
            <Kv k="老师" v={c.teacher} />
            <Kv k="地点" v={c.site} />
            <Kv k="时间" v={`每${c.scheduleText}，共 ${c.sessionDates.length} 次`} />
            <Kv k="第一次课" v={formatDateCn(c.sessionDates[0] ?? c.firstSession.slice(0, 10))} />
            <Kv k="年龄" v={`${c.ageMin}–${c.ageMax} 岁（按开学时的年龄）`} />
            <Kv
              k="名额"
              v={`共 ${c.capacity} 个，${c.seatsLeft > 0 ? `还剩 ${c.seatsLeft} 个` : '已满'}${c.waitlistCount ? `，${c.waitlistCount} 人候补` : ''}`}
            />
            <Kv k="录取方式" v={admissionCn(c)} />
            <Kv
              k="学费"
              v={
                c.feeFen === 0
                  ? '免费'
                  : `${formatFen(c.feeFen)}/学期；困难家庭凭证明减半，${formatFen(c.hardshipFeeFen)}`
              }
            />
            <Kv k="免费取消" v={`${formatInstantCn(c.freeCancelUntil)} 前可免费取消并退费，之后取消记一次缺课`} />
          </Section>
          {c.admission === 'lottery' && c.commitment && (
            <Button kind="secondary" id="go-lottery" onTap={() => openPage(href.youthPalace.lottery({ id: c.id }))}>
              查看抽签公示与结果
            </Button>
          )}
          <Section title="报名" id="apply">
            {!over && c.admission === 'lottery' && (
              <View className="notice" id="apply-fair">
                报名期内先后不影响抽签：{formatDateCn(c.closesAt)}截止前报名的孩子机会都一样，不用一开放就抢着报。
              </View>
            )}
            {notYet && (
              <View className="notice" role="status" id="apply-not-yet">
                {notYetCn(c)}
              </View>
            )}
            {!over && (
              <Part of={[kids]} what="孩子的信息">
                {(list) =>
                  list.length === 0 ? (
                    <Empty
                      text="还没有添加孩子。请回到青少年宫首页先添加孩子。"
                      action="去添加孩子"
                      onAction={() => openPage(href.youthPalace.index())}
                    />
                  ) : (
                    <Options
                      id="apply-child"
                      label="为哪个孩子报名"
                      value={childId}
                      options={list.map((k) => ({
                        value: k.id,
                        label: `${k.name}（${k.age} 岁）`,
                        note: k.hardship && k.hardshipProof ? '困难家庭，学费减半' : undefined,
                      }))}
                      onChange={pick}
                    />
                  )
                }
              </Part>
            )}
            {over && !done && (
              <View className="notice" role="status" id="apply-closed">
                <View>{closedCn(c)}</View>
                <Button
                  kind="secondary"
                  id="apply-closed-mine"
                  onTap={() => openPage(href.youthPalace.myCourses({ childId: childId ?? undefined }))}
                >
                  看我的课程
                </Button>
              </View>
            )}
            {!over && child && c.childFits === false && (
              <View className="error-note" role="alert">
                <View className="error-text">
                  ⚠ 这门课适合 {c.ageMin}–{c.ageMax} 岁，{child.name}不在这个年龄段。可以看看其他适合{child.name}
                  的课程。
                </View>
              </View>
            )}
            {!over && child && c.childFeeFen !== undefined && c.feeFen > 0 && (
              <View className="notice">
                {child.name}的学费：{formatFen(c.childFeeFen)}（录取后确认时支付）
              </View>
            )}
            {refusal && !over && (
              <ErrorNote
                text={refusal.text}
                cause={refusal.cause}
                onRetry={refusal.cause ? () => apply(refusal.waitlist) : undefined}
              />
            )}
            {refusal?.full && !over && (
              <Button kind="secondary" id="apply-waitlist" loading={enrol.busy} onTap={() => apply(true)}>
                加入候补（有人退出时按顺序通知您）
              </Button>
            )}
            {done && (
              <View className="notice" role="status" id="apply-result">
                <View>
                  已为{done.childName}报名《{done.courseName}》：
                  <View className={`tag ${ENROLLMENT_STATUS[done.status].tag}`}>
                    {ENROLLMENT_STATUS[done.status].text}
                  </View>
                </View>
                <View className="yp-line">
                  {done.status === 'pending' && '报名截止后统一抽签，结果会通知您，也可以在“我的课程”里看。'}
                  {done.status === 'confirmed' && '名额已确认，开课前可在“我的课程”里看签到码。'}
                  {done.status === 'admitted' &&
                    done.confirmBy &&
                    `请在 ${formatInstantCn(done.confirmBy)} 前到“我的课程”缴费确认。`}
                  {done.status === 'waitlisted' &&
                    `您排在候补第 ${done.waitlistPosition ?? '?'} 位，有名额时会通知您，届时有 24 小时确认。`}
                </View>
                <Button
                  kind="secondary"
                  id="apply-go-mine"
                  onTap={() => openPage(href.youthPalace.myCourses({ childId: done.childId }))}
                >
                  看我的课程
                </Button>
              </View>
            )}
            {children.length > 0 && !done && !over && !notYet && (
              <Button id="apply-submit" loading={enrol.busy} onTap={() => apply(false)}>
                {child ? `为${child.name}报名` : '报名'}
              </Button>
            )}
          </Section>
        </View>
      )}
    </Page>
  )
}
