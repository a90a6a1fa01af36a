/** Family links for proxy handling (代办): the user's own, also while acting for someone (`asSelf`). */
import type { FamilyLinkDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

export const listFamilyLinks = () => apiRequest<FamilyLinkDto[]>({ path: '/api/family-links', asSelf: true })
/** Asks to act for a family member, identified by name and ID number; they confirm in the app. */
export const requestFamilyLink = (
  input: { principalName: string; principalIdNumber: string; relationship: string },
  idempotencyKey?: string,
) => apiRequest<FamilyLinkDto>({ method: 'POST', path: '/api/family-links', body: input, idempotencyKey, asSelf: true })
/** The principal agrees to a pending request. @throws ApiError 409 when the link was already handled. */
export const confirmFamilyLink = (id: string, idempotencyKey?: string) =>
  apiRequest<FamilyLinkDto>({ method: 'POST', path: `/api/family-links/${id}/confirm`, idempotencyKey, asSelf: true })
/** The principal turns a pending request down. @throws ApiError 409 when the link was already handled. */
export const declineFamilyLink = (id: string, idempotencyKey?: string) =>
  apiRequest<FamilyLinkDto>({ method: 'POST', path: `/api/family-links/${id}/decline`, idempotencyKey, asSelf: true })
/** Either side ends a pending or confirmed link. @throws ApiError 409 when the link was already handled. */
export const revokeFamilyLink = (id: string, idempotencyKey?: string) =>
  apiRequest<FamilyLinkDto>({ method: 'POST', path: `/api/family-links/${id}/revoke`, idempotencyKey, asSelf: true })
/** Worker: pending links of residents in the worker's community. */
export const listPendingFamilyLinks = () => apiRequest<FamilyLinkDto[]>({ path: '/api/worker/family-links' })
/** Worker: confirms a link with a photo (base64, ≤ 200 KB) of the signed authorisation. */
export const workerConfirmFamilyLink = (id: string, authorizationPhoto: string) =>
  apiRequest<FamilyLinkDto>({
    method: 'POST',
    path: `/api/worker/family-links/${id}/confirm`,
    body: { authorizationPhoto },
  })
