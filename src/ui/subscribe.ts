import Taro from '@tarojs/taro'

/**
 * WeChat subscription-message templates for notices that an action produces later (review results,
 * confirmations). Placeholder ids: each deployment replaces them with its own from the WeChat admin.
 */
export const SUBSCRIBE_TEMPLATES = {
  /** 办理进度通知: reviews, confirmations, results. */
  progress: 'MC_TMPL_PROGRESS',
  /** 预约提醒: appointments and deadlines. */
  reminder: 'MC_TMPL_REMINDER',
} as const

/**
 * Asks for permission to send the given notices. WeChat only allows this inside the user's tap, so
 * call it synchronously at the start of the tap handler. Refusal or failure changes nothing.
 */
export function askToSubscribe(...templates: (keyof typeof SUBSCRIBE_TEMPLATES)[]): void {
  if (process.env.TARO_ENV !== 'weapp' || templates.length === 0) return
  Taro.requestSubscribeMessage({
    tmplIds: templates.map((t) => SUBSCRIBE_TEMPLATES[t]),
  } as Taro.requestSubscribeMessage.Option).catch(() => {})
}
