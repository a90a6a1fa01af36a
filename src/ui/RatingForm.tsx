import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RatedDto, RatingInput } from '@/api/endpoints/ratings'
import { FOLLOW_UP_PROMISE, type RatingDto } from '@/domain/shared/ratings'
import { formatDateTimeCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { Button } from './Button'
import { Field } from './Field'
import { Options } from './Options'
import { ErrorNote } from './States'
import { useSubmission } from './useSubmission'

const STARS = [
  { value: '5', label: '★★★★★ 非常满意' },
  { value: '4', label: '★★★★ 满意' },
  { value: '3', label: '★★★ 一般' },
  { value: '2', label: '★★ 不满意', note: FOLLOW_UP_PROMISE },
  { value: '1', label: '★ 很不满意', note: FOLLOW_UP_PROMISE },
]

/**
 * A rating of an appointment or a course (the care card's five big options and a comment): the rating
 * given with its follow-up (due time, the worker's answer) and, when allowed (not yet rated, or once
 * after the answer), the form. `id` prefixes the elements' ids; `send` rates; `done` reloads the page.
 */
export function RatingForm({
  id,
  rating,
  canRate,
  send,
  done,
}: {
  id: string
  rating?: RatingDto
  /** Whether the thing may be rated now (visited, or enough sessions attended). */
  canRate: boolean
  send: (input: RatingInput, key: string) => Promise<RatedDto>
  done: () => void
}) {
  const draft = useDraft(`rating:${id}`, { stars: null as string | null, comment: '' })
  const s = useSubmission()
  const open = rating ? rating.canReRate : canRate
  const submit = () =>
    s.submit(
      () => ({ stars: draft.value.stars ? '' : '请选择评价' }),
      (key) => send({ stars: Number(draft.value.stars), comment: draft.value.comment.trim() || undefined }, key),
      (r) => {
        draft.clear()
        Taro.showToast({ title: r.notice, icon: 'none' })
        done()
      },
      { action: 'rate' },
    )
  return (
    <View id={`${id}-rating`}>
      {rating && (
        <View className="cell-note">
          我的评价：{'★'.repeat(rating.stars)}
          {rating.comment ? `（${rating.comment}）` : ''}
          {rating.followUp.status === 'open' &&
            `。社区回访中，会在 ${formatDateTimeCn(rating.followUp.dueAt!)} 前答复您`}
          {rating.followUp.answer && `。社区答复：${rating.followUp.answer}`}
          {rating.reRating && `。再次评价：${'★'.repeat(rating.reRating.stars)}`}
        </View>
      )}
      {open && (
        <View>
          <Options
            id={`${id}-stars`}
            label={rating ? '看了社区的答复，您现在满意吗？（可再评价一次）' : '您对这次服务满意吗？'}
            value={draft.value.stars}
            onChange={(v) => {
              draft.update({ stars: v })
              s.clearError('stars')
            }}
            options={STARS}
          />
          {s.errors.stars && (
            <View className="field-error" role="alert">
              ⚠ {s.errors.stars}
            </View>
          )}
          <Field
            id={`${id}-comment`}
            label="想说的话（可不填）"
            value={draft.value.comment}
            onInput={(v) => draft.update({ comment: v })}
            maxlength={200}
          />
          {s.failure && <ErrorNote text={s.failure} cause={s.cause} />}
          <Button id={`${id}-rate`} loading={s.busy} onTap={submit}>
            提交评价
          </Button>
        </View>
      )}
    </View>
  )
}
