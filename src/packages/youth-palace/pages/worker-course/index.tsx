import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError, errorMessage, newIdempotencyKey } from '@/api'
import { createYpCourse } from '@/api/endpoints/youth-palace'
import type { YpCourseDetailDto, YpSessionDto } from '@/domain/youth-palace/contracts'
import { yuanToFen } from '@/domain/shared/money'
import { useDraft } from '@/stores/drafts'
import { useSession } from '@/stores/session'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Section } from '@/ui/States'
import { WEEKDAY_CN } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'
import { goBack, href } from '@/ui/nav'

const INITIAL = {
  name: '',
  category: '',
  site: '',
  teacher: '',
  ageMin: '6',
  ageMax: '12',
  capacity: '15',
  feeYuan: '0',
  admission: 'firstCome' as YpCourseDetailDto['admission'],
  weekday: '6',
  start: '09:00',
  end: '10:30',
}

/** Worker: a short form to add a course to a draft or open term. */
export default function WorkerCourse() {
  useRequireLogin()
  const termId = useRouter().params.termId ?? ''
  const me = useSession((s) => s.me)
  const [form, update, clearDraft] = useDraft(`yp-course-${termId}`, INITIAL)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<YpCourseDetailDto | null>(null)
  const key = useRef(newIdempotencyKey())
  if (me?.role !== 'worker')
    return (
      <Page backTo={href.youthPalace.worker()}>
        <View className="page-title" role="heading" aria-level={1}>
          添加课程
        </View>
        <Empty text="这里只有社区工作人员可以进入。" />
      </Page>
    )

  const submit = async () => {
    setErrors({})
    setFailure(null)
    let feeFen = 0
    try {
      feeFen = yuanToFen(form.feeYuan || '0')
    } catch (e) {
      setErrors({ feeFen: (e as Error).message })
      return
    }
    setBusy(true)
    try {
      const sessions: YpSessionDto[] = [
        { weekday: Number(form.weekday) as YpSessionDto['weekday'], start: form.start, end: form.end },
      ]
      const c = await createYpCourse(
        termId,
        {
          name: form.name,
          category: form.category,
          site: form.site,
          teacher: form.teacher,
          ageMin: Number(form.ageMin),
          ageMax: Number(form.ageMax),
          capacity: Number(form.capacity),
          feeFen,
          admission: form.admission,
          sessions,
        },
        key.current,
      )
      key.current = newIdempotencyKey()
      clearDraft()
      setDone(c)
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) key.current = newIdempotencyKey()
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields)
      setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (done) {
    return (
      <Page backTo={href.youthPalace.worker()}>
        <View className="page-title" role="heading" aria-level={1}>
          课程已添加
        </View>
        <View className="notice" role="status">
          《{done.name}》已添加，{done.scheduleText}，共 {done.sessionDates.length} 次课。学期开放报名后家长就能看到。
        </View>
        <Button onTap={() => goBack(href.youthPalace.worker())}>回到工作台</Button>
      </Page>
    )
  }
  const f = (
    k: keyof typeof INITIAL,
    label: string,
    extra: { type?: 'number' | 'text'; placeholder?: string; err?: string } = {},
  ) => (
    <Field
      id={`course-${k}`}
      label={label}
      value={String(form[k])}
      type={extra.type}
      placeholder={extra.placeholder}
      error={errors[extra.err ?? k]}
      onInput={(v) => update({ [k]: v } as Partial<typeof INITIAL>)}
    />
  )
  return (
    <Page backTo={href.youthPalace.worker()}>
      <View className="page-title" role="heading" aria-level={1}>
        添加课程
      </View>
      <Section title="课程">
        {f('name', '课程名称')}
        {f('category', '类别', { placeholder: '如 书画、舞蹈、体育' })}
        {f('site', '上课地点')}
        {f('teacher', '老师姓名')}
        {f('ageMin', '最小年龄（岁）', { type: 'number' })}
        {f('ageMax', '最大年龄（岁）', { type: 'number' })}
        {f('capacity', '名额（6 岁以下建议 10–12，6 岁以上 15–20）', { type: 'number' })}
        {f('feeYuan', '学费（元/学期，免费填 0）', { err: 'feeFen' })}
        <Options
          id="course-admission"
          label="录取方式"
          value={form.admission}
          onChange={(admission) => update({ admission })}
          options={[
            { value: 'firstCome', label: '先到先得' },
            { value: 'lottery', label: '报满后抽签' },
          ]}
        />
      </Section>
      <Section title="每周上课时间">
        <Options
          id="course-weekday"
          label="星期"
          value={form.weekday}
          onChange={(weekday) => update({ weekday })}
          options={[6, 0, 1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: WEEKDAY_CN[d] }))}
        />
        {f('start', '上课时间', { placeholder: '如 09:00', err: 'sessions' })}
        {f('end', '下课时间', { placeholder: '如 10:30' })}
      </Section>
      {failure && <ErrorNote text={failure} />}
      <Button id="course-submit" loading={busy} onTap={submit}>
        添加课程
      </Button>
    </Page>
  )
}
