import Taro from '@tarojs/taro'
import { reportSubscriptions } from '@/api/endpoints/message-settings'
import type { SubscribeAnswer, TemplateKey } from '@/domain/shared/subscriptions'

/**
 * WeChat subscription-message template ids for notices an action produces later (review results,
 * confirmations, reminders), from the build's environment (`TARO_APP_TMPL_PROGRESS`,
 * `TARO_APP_TMPL_REMINDER`: the ids from the WeChat admin, the same as the server's `WECHAT_TMPL_*`);
 * placeholders when the build has none (WeChat then refuses the request and nothing changes).
 */
const SUBSCRIBE_TEMPLATES: Record<TemplateKey, string> = {
  /** 办理进度通知: reviews, confirmations, results. */
  progress: process.env.TARO_APP_TMPL_PROGRESS || 'MC_TMPL_PROGRESS',
  /** 提醒: appointments and deadlines. */
  reminder: process.env.TARO_APP_TMPL_REMINDER || 'MC_TMPL_REMINDER',
}

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban'] satisfies SubscribeAnswer[]

/**
 * Asks for permission to send the given notices and tells the server what the person chose
 * (`POST /api/me/subscriptions`), so the notices can reach them in WeChat. WeChat only allows the
 * question inside the user's tap: call it synchronously at the very start of the tap handler, and await
 * the returned promise before sending the request whose notices it asks for (so the choice is saved
 * first). Never rejects: refusal or failure changes nothing but the WeChat notice.
 */
export function askToSubscribe(...templates: TemplateKey[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templates.length === 0) return Promise.resolve()
  return Taro.requestSubscribeMessage({
    tmplIds: templates.map((t) => SUBSCRIBE_TEMPLATES[t]),
  } as Taro.requestSubscribeMessage.Option)
    .then((answer) => {
      const res = answer as unknown as Record<string, unknown>
      const results: Partial<Record<TemplateKey, SubscribeAnswer>> = {}
      for (const t of templates) {
        const answer = res[SUBSCRIBE_TEMPLATES[t]]
        if (typeof answer === 'string' && ANSWERS.includes(answer)) results[t] = answer as SubscribeAnswer
      }
      return Object.keys(results).length ? reportSubscriptions(results).then(() => undefined) : undefined
    })
    .catch(() => undefined)
}
