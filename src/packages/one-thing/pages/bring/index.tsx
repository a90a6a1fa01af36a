import { View } from '@tarojs/components'
import { deriveChecklist, effectiveAnswers, materialsToBring } from '@/domain/one-thing/guides'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { ReadAloud } from '@/ui/ReadAloud'
import { useEventProgress } from '@/packages/one-thing/components/useEventProgress'
import '@/packages/one-thing/feature.css'
import { href, openPage } from '@/ui/nav'

/** What to bring to the windows (一次告知): every material once, and which windows to visit. */
export default function Bring() {
  const { event, progress, loadError, loadCause, load } = useEventProgress()
  if (!event)
    return (
      <Page>
        <Empty text="没有找到这件事，请返回重新选择。" />
      </Page>
    )
  const title = `${event.name} · 要带的材料`
  if (loadError)
    return (
      <Page title={title}>
        <ErrorNote text={loadError} cause={loadCause} onRetry={load} />
      </Page>
    )
  if (!progress)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    )
  const answers = effectiveAnswers(event, progress.answers)
  const materials = materialsToBring(event, answers)
  const windows = deriveChecklist(event, answers)
    .flatMap((g) => g.items)
    .filter((i) => i.channel === 'window')
  return (
    <Page title={title}>
      <View className="secondary">去窗口办理时请带齐下面的材料（原件），每样只要准备一份。</View>
      {materials.length === 0 ? (
        <Empty text="按您的情况，这件事都可以在网上办，不用去窗口。" />
      ) : (
        <Section title={`材料清单（共 ${materials.length} 样）`} id="bring-list">
          {materials.map((m, i) => (
            <View key={m} className="cell">
              <View className="cell-title">
                {i + 1}. {m}
              </View>
            </View>
          ))}
        </Section>
      )}
      {windows.length > 0 && (
        <Section title="要去的窗口">
          {windows.map((w) => (
            <View key={w.id} className="cell">
              <View className="cell-main">
                <View className="cell-title">{w.title}</View>
                <View className="cell-note">
                  {w.where}（{w.promise}）
                </View>
              </View>
            </View>
          ))}
        </Section>
      )}
      {materials.length > 0 && (
        <ReadAloud
          id="read-bring"
          label="朗读材料清单"
          text={`${event.name}，去窗口要带的材料：${materials.join('、')}。`}
        />
      )}
      <Button id="bring-appointment" onTap={() => openPage(href.oneThing.appointment({ event: event.id }))}>
        预约窗口办理
      </Button>
    </Page>
  )
}
