import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { answerFollowUp, listFollowUps } from '@/api/endpoints/ratings'
import { RATING_KIND_LABELS, type RatingDto } from '@/domain/shared/ratings'
import { formatDateTimeCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { WorkerOnly } from '@/ui/WorkerOnly'

/** One open follow-up: the rating, its deadline (超时 when passed) and the written answer. */
function OpenFollowUp({ r, done }: { r: RatingDto; done: () => void }) {
  const draft = useDraft(`follow-up:${r.id}`, { text: '' })
  const s = useSubmission()
  // Element ids cannot hold the rating id's colon (`appointment:<id>`).
  const el = r.id.replace(/[^\w-]/g, '-')
  const answer = () =>
    s.submit(
      () => ({ text: draft.value.text.trim().length >= 2 ? '' : '请填写答复：回访了解到的情况和处理办法' }),
      (key) => answerFollowUp(r.id, draft.value.text.trim(), key),
      () => {
        draft.clear()
        Taro.showToast({ title: '已答复，居民会收到消息', icon: 'none' })
        done()
      },
    )
  return (
    <View className="card card-pad" id={`follow-up-${el}`}>
      <View className="cell-title">
        {r.residentName}：{'★'.repeat(r.stars)} <View className="tag tag-info">{RATING_KIND_LABELS[r.kind]}</View>
        {r.followUp.overdue && <View className="tag tag-bad">已超时</View>}
      </View>
      <View className="cell-note">{r.what}</View>
      {r.comment && <View className="cell-note">评价：{r.comment}</View>}
      <View className="cell-note">请在 {formatDateTimeCn(r.followUp.dueAt!)} 前答复</View>
      <Field
        id={`answer-${el}`}
        label="答复居民（回访情况和处理办法）"
        value={draft.value.text}
        onInput={(v) => {
          draft.update({ text: v })
          s.clearError('text')
        }}
        error={s.errors.text || undefined}
        maxlength={500}
      />
      {s.failure && <ErrorNote text={s.failure} cause={s.cause} />}
      <Button id={`answer-submit-${el}`} loading={s.busy} onTap={answer}>
        提交答复
      </Button>
    </View>
  )
}

/**
 * 差评回访 (community worker): ratings of 1–2 stars of window appointments and courses, the earliest
 * due first, overdue ones marked 已超时; each is answered in writing by 18:00 on the next working day,
 * and the resident may then rate once more. Below, the last answered ones.
 */
export default function FollowUps() {
  const loader = useLoader(listFollowUps)
  return (
    <Page requireLogin title="差评回访">
      <WorkerOnly>
        <Loaded of={loader}>
          {(list) => (
            <View>
              <Section title={`待答复（${list.open.length}）`} id="open">
                {list.open.length === 0 && <Empty text="没有待答复的差评回访。" />}
                {list.open.map((r) => (
                  <OpenFollowUp key={r.id} r={r} done={loader.reload} />
                ))}
              </Section>
              {list.answered.length > 0 && (
                <Section title="已答复" id="answered">
                  {list.answered.map((r) => (
                    <View key={r.id} className="cell" id={`answered-${r.id.replace(/[^\w-]/g, '-')}`}>
                      <View className="cell-title">
                        {r.residentName}：{'★'.repeat(r.stars)}
                        {r.reRating ? ` → ${'★'.repeat(r.reRating.stars)}` : ''}
                        {r.followUp.overdue ? '（超时答复）' : ''}
                      </View>
                      <View className="cell-note">{r.what}</View>
                      <View className="cell-note">答复：{r.followUp.answer}</View>
                    </View>
                  ))}
                </Section>
              )}
            </View>
          )}
        </Loaded>
      </WorkerOnly>
    </Page>
  )
}
