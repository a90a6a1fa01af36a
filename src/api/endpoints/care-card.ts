/**
 * Elderly-care service card (养老服务爱心卡, domain.md §1): eligibility, applications, card home, services,
 * orders, and the worker side. Resident calls act for the person set as acting-for (a confirmed family
 * proxy) when one is set. Money is integer fen; errors arrive as `ApiError` with the backend's `code`.
 * Mutations accept an optional `idempotencyKey`: keep one per user action and reuse it on retry.
 */
import type {
  CareApplicationDto,
  CareApplicationInput,
  CareCardHomeDto,
  CareEligibilityDto,
  CareGroupDto,
  CareImageDto,
  CareOrderDto,
  CareOrderPageDto,
  CareServiceDto,
  CareSlotDto,
  CareTaskDto,
  WorkerCareApplicationDto,
} from '@/domain/care-card/contracts'
import type { CareReviewStage } from '@/domain/care-card/kinds'
import { apiRequest } from '../request'

/**
 * Eligibility today for the declared groups (from the real-name birth date). Errors: 422 `REAL_NAME_REQUIRED`, 403
 * `PRIVACY_NOT_ACCEPTED`.
 */
export const checkCareEligibility = (groups: CareGroupDto[] = []) =>
  apiRequest<CareEligibilityDto>({ path: '/api/care-card/eligibility', query: { groups: groups.join(',') } })

/**
 * Applies (for oneself or, as proxy, for the elder). Errors: 409 `CARD_EXISTS` / `APPLICATION_OPEN`, 422
 * `REAL_NAME_REQUIRED` / `NOT_ELIGIBLE` / `PROOF_REQUIRED`, 400 `INVALID_INPUT`.
 */
export const applyForCareCard = (input: CareApplicationInput, idempotencyKey?: string) =>
  apiRequest<CareApplicationDto>({ method: 'POST', path: '/api/care-card/applications', body: input, idempotencyKey })

/** The person's applications, newest first, each with its progress timeline. */
export const listCareApplications = () => apiRequest<CareApplicationDto[]>({ path: '/api/care-card/applications' })

/** One application. Errors: 404. */
export const getCareApplication = (id: string) =>
  apiRequest<CareApplicationDto>({ path: `/api/care-card/applications/${id}` })

/** Withdraws an application under review. Errors: 409 `NOT_UNDER_REVIEW`, 404. */
export const withdrawCareApplication = (id: string, idempotencyKey?: string) =>
  apiRequest<CareApplicationDto>({ method: 'POST', path: `/api/care-card/applications/${id}/withdraw`, idempotencyKey })

/**
 * Corrects and resubmits a rejected application (a new review cycle). Errors: 409 `NOT_REJECTED`, as
 * `applyForCareCard`.
 */
export const resubmitCareApplication = (id: string, input: CareApplicationInput, idempotencyKey?: string) =>
  apiRequest<CareApplicationDto>({
    method: 'POST',
    path: `/api/care-card/applications/${id}/resubmit`,
    body: input,
    idempotencyKey,
  })

/** The card home with a ledger page (newest first). Errors: 404 `NO_CARD`. */
export const getCareCard = (cursor?: string, limit = 20) =>
  apiRequest<CareCardHomeDto>({ path: '/api/care-card', query: { cursor, limit } })

/** Services of the person's community (助餐, 助浴, 助洁, 助行, 助医, 助急), prices in fen. */
export const listCareServices = () => apiRequest<CareServiceDto[]>({ path: '/api/care-card/services' })

/** Bookable slots of a service over the next 7 days, with places left. Errors: 404 `NO_SUCH_SERVICE`. */
export const listCareSlots = (serviceId: string) =>
  apiRequest<CareSlotDto[]>({ path: `/api/care-card/services/${serviceId}/slots` })

/**
 * Books a slot; the price is held. Errors: 422 `INSUFFICIENT_BALANCE` / `CARD_NOT_ACTIVE` / `SLOT_PASSED`, 409
 * `SLOT_FULL` / `ALREADY_BOOKED`, 404 `NO_CARD` / `NO_SUCH_SLOT`.
 */
export const bookCareService = (slotId: string, idempotencyKey?: string) =>
  apiRequest<CareOrderDto>({ method: 'POST', path: '/api/care-card/orders', body: { slotId }, idempotencyKey })

/** The person's orders, newest first. */
export const listCareOrders = (cursor?: string, limit = 20) =>
  apiRequest<CareOrderPageDto>({ path: '/api/care-card/orders', query: { cursor, limit } })

/** One order. Errors: 404. */
export const getCareOrder = (id: string) => apiRequest<CareOrderDto>({ path: `/api/care-card/orders/${id}` })

/** Cancels before the service time; the hold is released. Errors: 409 `NOT_CANCELLABLE` / `TOO_LATE_TO_CANCEL`. */
export const cancelCareOrder = (id: string, idempotencyKey?: string) =>
  apiRequest<CareOrderDto>({ method: 'POST', path: `/api/care-card/orders/${id}/cancel`, idempotencyKey })

/**
 * Confirms a delivered service and rates it 1–5 stars (≤ 2 → a worker calls back within 1 day). Errors: 409
 * `NOT_DELIVERED` / `ALREADY_RATED`.
 */
export const rateCareOrder = (id: string, input: { stars: number; comment?: string }, idempotencyKey?: string) =>
  apiRequest<CareOrderDto>({ method: 'POST', path: `/api/care-card/orders/${id}/rate`, body: input, idempotencyKey })

/**
 * Disputes a delivered service within 7 days. Errors: 409 `NOT_DELIVERED` / `DISPUTE_EXISTS`, 422
 * `DISPUTE_WINDOW_CLOSED`.
 */
export const disputeCareOrder = (id: string, reason: string, idempotencyKey?: string) =>
  apiRequest<CareOrderDto>({
    method: 'POST',
    path: `/api/care-card/orders/${id}/dispute`,
    body: { reason },
    idempotencyKey,
  })

/** Worker: the community's applications (`open`, default, or `all`), earliest due first. */
export const listWorkerCareApplications = (status: 'open' | 'all' = 'open') =>
  apiRequest<WorkerCareApplicationDto[]>({ path: '/api/worker/care-card/applications', query: { status } })

/** Worker: one application of the community. Errors: 403 `OTHER_COMMUNITY`, 404. */
export const getWorkerCareApplication = (id: string) =>
  apiRequest<WorkerCareApplicationDto>({ path: `/api/worker/care-card/applications/${id}` })

/** Worker: a proof photo (base64) of an application of the community. Errors: 404 `NO_SUCH_IMAGE`, 403. */
export const getCareApplicationImage = (id: string, imageId: string) =>
  apiRequest<CareImageDto>({ path: `/api/worker/care-card/applications/${id}/images/${imageId}` })

/**
 * Worker: approves or rejects (with a reason) at a stage — 社区初审 then 街道审核. Errors: 409 `STAGE_MISMATCH`, 422
 * `REASON_REQUIRED`, 403.
 */
export const reviewCareApplication = (
  id: string,
  input: { stage: CareReviewStage; decision: 'approve' | 'reject'; reason?: string },
  idempotencyKey?: string,
) =>
  apiRequest<WorkerCareApplicationDto>({
    method: 'POST',
    path: `/api/worker/care-card/applications/${id}/review`,
    body: input,
    idempotencyKey,
  })

/** Worker: the community's orders: `booked` (default, to deliver), `delivered`, `disputed` (open) or `all`. */
export const listWorkerCareOrders = (status: 'booked' | 'delivered' | 'disputed' | 'all' = 'booked') =>
  apiRequest<CareOrderDto[]>({ path: '/api/worker/care-card/orders', query: { status } })

/** Worker: marks a service delivered; the hold is charged. Errors: 409 `NOT_BOOKED`, 422 `NOT_STARTED`, 403. */
export const deliverCareOrder = (id: string, idempotencyKey?: string) =>
  apiRequest<CareOrderDto>({ method: 'POST', path: `/api/worker/care-card/orders/${id}/deliver`, idempotencyKey })

/**
 * Worker: charges a due booking with the elder's payment code (`code`: the scanned QR text or the 8 digits).
 * Errors: 409 `CODE_USED` / `NOT_BOOKED`, 422 `CODE_WRONG` / `CODE_EXPIRED` / `CODE_OTHER_CARD` / `NOT_STARTED`.
 */
export const payCareOrderByCode = (id: string, code: string, idempotencyKey?: string) =>
  apiRequest<CareOrderDto>({
    method: 'POST',
    path: `/api/worker/care-card/orders/${id}/pay-by-code`,
    body: { code },
    idempotencyKey,
  })

/**
 * Worker: resolves a dispute — `upheld` refunds the price to the card, `rejected` gives the reason. Errors: 409
 * `NO_OPEN_DISPUTE`.
 */
export const resolveCareDispute = (
  id: string,
  input: { decision: 'upheld' | 'rejected'; reason: string },
  idempotencyKey?: string,
) =>
  apiRequest<CareOrderDto>({
    method: 'POST',
    path: `/api/worker/care-card/orders/${id}/dispute/resolve`,
    body: input,
    idempotencyKey,
  })

/** Worker: call-back tasks after bad ratings (`open`, default, `done` or `all`), earliest due first. */
export const listCareTasks = (status: 'open' | 'done' | 'all' = 'open') =>
  apiRequest<CareTaskDto[]>({ path: '/api/worker/care-card/tasks', query: { status } })

/** Worker: records a call-back's outcome. Errors: 409 `TASK_DONE`, 403 `OTHER_COMMUNITY`, 404. */
export const completeCareTask = (id: string, outcome: string, idempotencyKey?: string) =>
  apiRequest<CareTaskDto>({
    method: 'POST',
    path: `/api/worker/care-card/tasks/${id}/complete`,
    body: { outcome },
    idempotencyKey,
  })
