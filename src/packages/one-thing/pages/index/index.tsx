import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage } from '@/api'
import { listOneThingProgress } from '@/api/endpoints/one-thing'
import type { OneThingProgressSummaryDto } from '@/domain/one-thing/contracts'
import { eventsByStage, searchEvents, suggestedEvents, type LifeEvent } from '@/domain/one-thing/guides'
import { formatDateCn } from '@/domain/shared/time'
import { Cell } from '@/ui/Cell'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { useSession } from '@/stores/session'
import { GuestNotice } from '@/packages/one-thing/components/GuestNotice'
import { findLifeEvent, LIFE_EVENTS } from '@/packages/one-thing/content'
import '@/packages/one-thing/feature.css'
import { href, openPage } from '@/ui/nav'

const open = (e: LifeEvent) => () => openPage(href.oneThing.questions({ event: e.id }))
const STAGES = eventsByStage(LIFE_EVENTS)

/** 一件事 home: my started events, search by everyday words, events by life stage, my appointments. */
export default function OneThingHome() {
  const [query, setQuery] = useState('')
  const guest = !useSession((s) => s.token)
  const [mine, setMine] = useState<OneThingProgressSummaryDto[] | null>(null)
  const [cause, setCause] = useState<unknown>(null)
  const load = async () => {
    setCause(null)
    if (!useSession.getState().token) return
    try {
      setMine(await listOneThingProgress())
    } catch (e) {
      setCause(e)
    }
  }
  useDidShow(() => {
    load()
  })

  const q = query.trim()
  const results = q ? searchEvents(LIFE_EVENTS, q) : []
  const started = (mine ?? []).filter((p) => findLifeEvent(p.eventId))

  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        一件事
      </View>
      <View className="secondary">一次告知要办的事、要带的材料和办理期限。</View>
      <Field
        id="one-thing-search"
        label="搜索要办的事"
        placeholder="如：生孩子、退休金、过户"
        value={query}
        onInput={setQuery}
        maxlength={20}
      />
      {q !== '' && (
        <Section title={`“${q}”的搜索结果`} id="search-results">
          {results.length > 0 ? (
            results.map((e) => <Cell key={e.id} id={`result-${e.id}`} title={e.name} note={e.stage} onTap={open(e)} />)
          ) : (
            <View>
              <Empty text={`没有找到和“${q}”有关的事。可以换个说法，或看看下面这些常办的事。`} />
              {suggestedEvents(LIFE_EVENTS).map((e) => (
                <Cell key={e.id} id={`suggest-${e.id}`} title={e.name} note={e.stage} onTap={open(e)} />
              ))}
            </View>
          )}
        </Section>
      )}
      <Section title="我正在办的事" id="my-events">
        {guest && <GuestNotice />}
        {!guest && mine === null && !cause && <Loading lines={2} />}
        {!guest && !!cause && <ErrorNote text={errorMessage(cause)} cause={cause} onRetry={load} />}
        {!guest && mine !== null && started.length === 0 && (
          <Empty text="还没有开始办的事。在下面选一件事，回答几个问题，就能看到办事清单。" />
        )}
        {started.map((p) => {
          const e = findLifeEvent(p.eventId)!
          const due = p.nextDueDate ? `，请在 ${formatDateCn(p.nextDueDate)} 前办理` : ''
          return (
            <Cell
              key={p.eventId}
              id={`mine-${p.eventId}`}
              title={e.name}
              note={`已办 ${p.tickedCount} 项${due}`}
              onTap={() => openPage(href.oneThing.checklist({ event: e.id }))}
            />
          )
        })}
        <Cell
          id="go-appointments"
          title="我的窗口预约"
          note="查看、改约或取消"
          onTap={() => openPage(href.oneThing.appointments())}
        />
      </Section>
      {STAGES.map((g) => (
        <Section key={g.stage} title={g.stage}>
          {g.events.map((e) => (
            <Cell key={e.id} id={`event-${e.id}`} title={e.name} onTap={open(e)} />
          ))}
        </Section>
      ))}
    </Page>
  )
}
