/**
 * 我的 → 消息设置: which scheduled reminders the user gets (each kind on or off). Imported by the
 * settings subpackage only, so it stays out of the main package.
 */
import type { MessageSettingsDto } from '@/domain/shared/contracts'
import type { ReminderKind } from '@/domain/shared/reminders'
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
