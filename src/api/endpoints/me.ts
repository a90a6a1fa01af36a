/** The user's own data: profile, privacy consent, real-name binding, rooms, export, account deletion. */
import type { MeDto, MyDataExportDto, RoomBindingDto, RoomOptionDto, TodoDto } from '@/domain/shared/contracts'
import type { RoomRole } from '@/domain/shared/values'
import { apiRequest } from '../request'

/** The user's own profile (also while acting for someone: `asSelf`). */
export const getMe = () => apiRequest<MeDto>({ path: '/api/me', asSelf: true })
/** What waits for the user with a deadline (e.g. a youth-palace place to confirm), soonest first. */
export const listTodos = () => apiRequest<TodoDto[]>({ path: '/api/me/todos', asSelf: true })
/** Records acceptance of the privacy notice (required before any personal data is sent). */
export const acceptPrivacy = () =>
  apiRequest<MeDto>({ method: 'POST', path: '/api/me/privacy', body: { accepted: true } })
/** Real-name binding: name + 18-character ID number, checked against the register. Throws `ApiError` with `fields`. */
export const bindRealName = (name: string, idNumber: string, idempotencyKey?: string) =>
  apiRequest<MeDto>({ method: 'POST', path: '/api/me/real-name', body: { name, idNumber }, idempotencyKey })
/** Rooms of the user's community, to choose one to bind. */
export const listRooms = () => apiRequest<RoomOptionDto[]>({ path: '/api/rooms' })
/** Binds a room; the owner role and registered area come from the property register. */
export const bindRoom = (roomId: string, role: RoomRole, idempotencyKey?: string) =>
  apiRequest<RoomBindingDto>({ method: 'POST', path: '/api/me/rooms', body: { roomId, role }, idempotencyKey })
/** Everything stored about the user: versioned JSON and a readable summary (only here is the full ID number). */
export const exportMyData = () => apiRequest<MyDataExportDto>({ path: '/api/me/export' })
/** Deletes the account: personal data erased; ballots already cast stay under the household without the name. */
export const deleteAccount = () => apiRequest<{ ok: true; released?: string[] }>({ method: 'DELETE', path: '/api/me' })
