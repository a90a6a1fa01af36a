/** Mock-mode dev panel: mock time, fault injection, demo reset. */
import type { DevStateDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

export const getDevState = () => apiRequest<DevStateDto>({ path: '/api/dev/state' })
export const setMockTime = (change: {
  setIso?: string
  advanceDays?: number
  advanceMonths?: number
  advanceMinutes?: number
  reset?: boolean
}) => apiRequest<DevStateDto>({ method: 'POST', path: '/api/dev/clock', body: change })
export const setFaults = (settings: { enabled: boolean; rate?: number; latencyMs?: number; seed?: number }) =>
  apiRequest<DevStateDto>({ method: 'POST', path: '/api/dev/faults', body: settings })
export const resetDemoData = () => apiRequest<DevStateDto>({ method: 'POST', path: '/api/dev/reset' })
