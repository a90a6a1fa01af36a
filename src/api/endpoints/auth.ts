/** WeChat login, the demo's persona login, logout, and 登录设备 (one's sessions). */
import type { LoginResultDto, PersonaDto, SessionDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

/** The seeded residents to log in as, key personas first. */
export const listPersonas = () => apiRequest<PersonaDto[]>({ path: '/api/auth/personas' })
/** Logs in as a seeded resident; returns the session token and the user. */
export const mockLogin = (userId: string) =>
  apiRequest<LoginResultDto>({ method: 'POST', path: '/api/auth/mock-login', body: { userId } })
/** Ends the session on the server. */
export const logout = () => apiRequest<{ ok: true }>({ method: 'POST', path: '/api/auth/logout' })
/** WeChat login: exchanges a `Taro.login` code for a session (the account is made at the first login). */
export const wechatLogin = (code: string) =>
  apiRequest<LoginResultDto>({ method: 'POST', path: '/api/auth/wechat-login', body: { code } })
/** The person's login sessions, newest first, this device's marked `current`. */
export const listSessions = () => apiRequest<SessionDto[]>({ path: '/api/me/sessions', asSelf: true })
/** Ends one of the person's sessions (退出该设备). */
export const endSession = (id: string, idempotencyKey: string) =>
  apiRequest<{ ok: true }>({ method: 'DELETE', path: `/api/me/sessions/${id}`, idempotencyKey, asSelf: true })
