/**
 * A grid worker as 代办 for an elder (issue 27), and phone orders: finding the elder of the worker's
 * community, recording the signed authorisation, the worker's own 代办 log, and keying in a booking
 * taken by phone. All as the worker themselves (`asSelf`), whoever they are acting for at the moment.
 * Only the care-card subpackage imports this (not the `@/api` barrel).
 */
import type { CareOrderDto, CareServiceDto, CareSlotDto } from '@/domain/care-card/contracts'
import type { FamilyLinkDto, ProxyActDto, WorkerElderDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

/**
 * Finds an elder of the worker's community by name and ID number. Errors: 422 `ELDER_NOT_FOUND`, 403
 * `OTHER_COMMUNITY`.
 */
export const findElder = (input: { name: string; idNumber: string }, idempotencyKey?: string) =>
  apiRequest<WorkerElderDto>({
    method: 'POST',
    path: '/api/worker/elders/find',
    body: input,
    idempotencyKey,
    asSelf: true,
  })

/** One elder of the worker's community, with the worker-held links for them. Errors: 404, 403. */
export const getElder = (id: string) => apiRequest<WorkerElderDto>({ path: `/api/worker/elders/${id}`, asSelf: true })

/**
 * Records the elder's signed authorisation: photo id (from `uploadPhoto`), scope, last day `YYYY-MM-DD`
 * (≤ 1 year). Errors: 422 `BAD_END_DATE` / `REAL_NAME_REQUIRED`, 409 `LINK_EXISTS`, 400.
 */
export const createWorkerProxyLink = (
  input: { principalId: string; scope: 'care-card'; endsOn: string; authorizationPhotoId: string },
  idempotencyKey?: string,
) =>
  apiRequest<FamilyLinkDto>({
    method: 'POST',
    path: '/api/worker/proxy-links',
    body: input,
    idempotencyKey,
    asSelf: true,
  })

/** The worker's own 代办 log, newest first. */
export const workerProxyLog = () => apiRequest<ProxyActDto[]>({ path: '/api/worker/proxy-log', asSelf: true })

/** The services of the worker's community (for a phone order). */
export const workerCareServices = () => apiRequest<CareServiceDto[]>({ path: '/api/care-card/services', asSelf: true })

/** A service's slots over the next days (for a phone order). */
export const workerCareSlots = (serviceId: string) =>
  apiRequest<CareSlotDto[]>({ path: `/api/care-card/services/${serviceId}/slots`, asSelf: true })

/**
 * Keys in a booking taken by phone (电话预约 · 96345) for the elder `principalId`, with the caller's
 * number. Same errors as booking in the app: 409 `SLOT_FULL` / `ALREADY_BOOKED`, 422
 * `INSUFFICIENT_BALANCE` / `CARD_NOT_ACTIVE` / `SLOT_PASSED`, 404 `NO_CARD`.
 */
export const createPhoneOrder = (
  input: { principalId: string; slotId: string; callerPhone: string },
  idempotencyKey?: string,
) =>
  apiRequest<CareOrderDto>({
    method: 'POST',
    path: '/api/worker/care-card/phone-orders',
    body: input,
    idempotencyKey,
    asSelf: true,
  })
