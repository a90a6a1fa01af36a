import { View } from '@tarojs/components'
import { useState } from 'react'
import { listWorkerAppointments, markAppointmentDone } from '@/api/endpoints/one-thing'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'
import { isWorkerNow, WorkerOnly } from '@/ui/WorkerOnly'
import '@/packages/one-thing/feature.css'

function Today() {
  const day = useLoader(async () => (isWorkerNow() ? listWorkerAppointments() : null))
  const rows = useRowAction()
  const [note, setNote] = useState<string | null>(null)
  return (
    <Page requireLogin title="一件事 · 今天的窗口预约">
      <Loaded of={day} isEmpty={(d) => !d}>
        {(d) => (
          <>
            <View className="secondary">
              {d.dateLabel} · {d.halls.join('、') || '没有服务本社区的服务中心'}
            </View>
            <View className="secondary">居民在窗口办完后点“已办结”，居民会收到通知。</View>
            {note && (
              <View className="secondary" role="status" id="done-note">
                ✓ {note}
              </View>
            )}
            {d.items.length === 0 && <Empty text="今天没有窗口预约。" />}
            {d.items.length > 0 && (
              <Section title={`预约 ${d.items.length} 个`} id="today">
                {d.items.map((a) => {
                  const failure = rows.failure(a.id)
                  return (
                    <View key={a.id} className="ot-appt" id={`wa-${a.id}`}>
                      <View className="cell-title">
                        {a.slot.start}–{a.slot.end} {a.personName}{' '}
                        <View className={`tag ${a.status === 'done' ? 'tag-ok' : 'tag-info'}`}>
                          {a.status === 'done' ? '已办结' : '待办理'}
                        </View>
                      </View>
                      <View className="cell-note">
                        {a.eventName ?? '一件事'} · {a.hallName}
                        {a.phoneMasked ? ` · ${a.phoneMasked}` : ''}
                        {a.proxyName ? ` · ${a.proxyName}代办预约` : ''}
                      </View>
                      {failure && <ErrorNote text={failure.text} cause={failure.cause} />}
                      {a.status === 'booked' && (
                        <Button
                          id={`done-${a.id}`}
                          loading={rows.busy === `done-${a.id}`}
                          onTap={() =>
                            void rows.run(`done-${a.id}`, (key) => markAppointmentDone(a.id, key), {
                              row: a.id,
                              confirm: {
                                title: '已办结',
                                content: `${a.personName}的“${a.eventName ?? '一件事'}”已在窗口办完？确认后会通知居民。`,
                                confirmText: '确认办结',
                              },
                              done: () => setNote(`${a.personName}的预约已办结，已通知居民。`),
                              always: day.reload,
                            })
                          }
                        >
                          已办结
                        </Button>
                      )}
                    </View>
                  )
                })}
              </Section>
            )}
          </>
        )}
      </Loaded>
    </Page>
  )
}

/** 一件事 worker page: today's window appointments at the halls serving the community, each marked 已办结. */
export default function Worker() {
  return (
    <WorkerOnly>
      <Today />
    </WorkerOnly>
  )
}
