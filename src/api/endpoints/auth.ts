/** Mock WeChat login (mock mode) and logout. */
import type { LoginResultDto, PersonaDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

/** The seeded residents to log in as, key personas first. */
export const listPersonas = () => apiRequest<PersonaDto[]>({ path: '/api/auth/personas' })
/** Logs in as a seeded resident; returns the session token and the user. */
export const mockLogin = (userId: string) =>
  apiRequest<LoginResultDto>({ method: 'POST', path: '/api/auth/mock-login', body: { userId } })
/** Ends the session on the server. */
export const logout = () => apiRequest<{ ok: true }>({ method: 'POST', path: '/api/auth/logout' })
