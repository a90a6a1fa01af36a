/**
 * What each kind of scheduled reminder reminds of, in plain Chinese: the rows of 我的 → 消息设置. Kept
 * apart from `reminders.ts` so that only the settings subpackage carries the text, not the backend.
 */
import type { ReminderKind } from './reminders'

/** Each `ReminderKind`'s row title in 消息设置. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  'yp-offer-expiring': '青少年宫候补名额 4 小时内到期',
  'vote-closing': '加装电梯表决 2 天内截止，我家还没表决',
  'vote-unreached': '加装电梯表决 2 天内截止，还有几户没表决（发起人）',
  'appointment-tomorrow': '明天有窗口预约',
  'legal-deadline-near': '一件事办理期限还有 7 天',
  'legal-deadline-passed': '一件事办理期限已过',
  'care-credit-arrived': '爱心卡本月额度到账',
  'care-credit-lapsing': '爱心卡余额 30 天后清零',
  'service-unrated': '服务完成 2 天还没评价',
}
