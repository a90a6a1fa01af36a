/**
 * Notices: pages of messages (newest first), unread count, mark read. The user's own, also while acting
 * for someone (`asSelf`).
 */
import type { MessageDto, MessagePageDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

export const listMessages = (cursor?: string, limit = 20) =>
  apiRequest<MessagePageDto>({ path: '/api/messages', query: { cursor, limit }, asSelf: true })
export const unreadCount = () => apiRequest<{ unread: number }>({ path: '/api/messages/unread-count', asSelf: true })
export const markMessageRead = (id: string) =>
  apiRequest<MessageDto>({ method: 'POST', path: `/api/messages/${id}/read`, asSelf: true })
