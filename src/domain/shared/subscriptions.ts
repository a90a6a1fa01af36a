/**
 * WeChat subscription messages (订阅消息): the templates a person may accept, what each accept answer
 * means, and how a message's title, body and time fill a template's fields within WeChat's limits
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 * Each template chosen in the WeChat admin must have the fields of `TEMPLATE_FIELDS`.
 */
import { formatDateTimeCn } from './time'

/** The templates, by our key: 办理进度通知 (status changes) and 提醒 (scheduled reminders). */
export const TEMPLATE_KEYS = ['progress', 'reminder'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

/** Each template's name as people see it in WeChat. */
export const TEMPLATE_LABELS: Record<TemplateKey, string> = { progress: '办理进度通知', reminder: '提醒' }

/** What a person chose in WeChat's subscribe dialog, per template (`wx.requestSubscribeMessage`). */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban'] as const
export type SubscribeAnswer = (typeof SUBSCRIBE_ANSWERS)[number]

/**
 * An acceptance is good for one message (WeChat's one-time subscription); a person who accepts again
 * and again banks them, up to this many per template.
 */
export const MAX_BANKED_ACCEPTANCES = 20

/** A template field's kind, which sets its length and characters in WeChat. */
type FieldKind = 'thing' | 'time'

/** The fields of each template and what fills them: the message's title, its body, its time. */
const TEMPLATE_FIELDS: Record<
  TemplateKey,
  readonly { name: string; kind: FieldKind; from: 'title' | 'body' | 'time' }[]
> = {
  progress: [
    { name: 'thing1', kind: 'thing', from: 'title' },
    { name: 'thing2', kind: 'thing', from: 'body' },
    { name: 'time3', kind: 'time', from: 'time' },
  ],
  reminder: [
    { name: 'thing1', kind: 'thing', from: 'title' },
    { name: 'thing2', kind: 'thing', from: 'body' },
    { name: 'time3', kind: 'time', from: 'time' },
  ],
}

/** WeChat's `thing` field: at most 20 characters. */
const THING_MAX_CHARS = 20

/** A text cut to `max` characters (whole code points), line breaks as spaces, `…` when cut. */
function cutTo(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * The `data` of a subscribe message for `template`: each field's value from the message, cut to its
 * field's limit (`thing` ≤ 20 characters; `time` as `2026年3月5日（周四） 14:30`). `createdAt` is ISO.
 */
export function templateData(
  template: TemplateKey,
  m: { title: string; body: string; createdAt: string },
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of TEMPLATE_FIELDS[template]) {
    out[f.name] =
      f.kind === 'time' ? formatDateTimeCn(m.createdAt) : cutTo(f.from === 'title' ? m.title : m.body, THING_MAX_CHARS)
  }
  return out
}

/** The mini-program page a subscribe message opens: the message's link without its leading `/`. */
export function templatePage(link: string | undefined, fallback: string): string {
  return (link ?? fallback).replace(/^\//, '')
}
