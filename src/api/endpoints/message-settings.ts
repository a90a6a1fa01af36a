/**
 * 我的 → 消息设置: which scheduled reminders the user gets (each kind on or off), and what the person
 * accepted in WeChat's subscribe dialog. Imported by subpackages only (the settings page, and the
 * service forms through `src/ui/subscribe.ts`), so it stays out of the main package.
 */
import type { MessageSettingsDto } from '@/domain/shared/contracts'
import type { ReminderKind } from '@/domain/shared/reminders'
import type { SubscribeAnswer, TemplateKey } from '@/domain/shared/subscriptions'
import { apiRequest } from '../request'

export const getMessageSettings = () =>
  apiRequest<MessageSettingsDto>({ path: '/api/me/message-settings', asSelf: true })
/** Turns off exactly the kinds in `muted` (every other kind on). */
export const setMutedReminders = (muted: ReminderKind[], key?: string) =>
  apiRequest<MessageSettingsDto>({
    method: 'PUT',
    path: '/api/me/message-settings',
    body: { muted },
    asSelf: true,
    idempotencyKey: key,
  })

/**
 * Tells the server what the person chose in WeChat's subscribe dialog, per template (each 'accept' is
 * one WeChat notice of that template). Answers the unused acceptances per template.
 */
export const reportSubscriptions = (results: Partial<Record<TemplateKey, SubscribeAnswer>>) =>
  apiRequest<{ templates: { template: TemplateKey; accepted: number }[] }>({
    method: 'POST',
    path: '/api/me/subscriptions',
    body: { results },
    asSelf: true,
  })
