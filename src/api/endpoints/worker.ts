/** Community workers' shell routes: room verification and the worker hub's counts (account subpackage). */
import type { WorkerHubCountDto, WorkerRoomBindingDto } from '@/domain/shared/contracts'
import { apiRequest } from '../request'

/** Worker: the community's tenant and family room bindings waiting for verification, oldest first. */
export const listPendingRoomBindings = () =>
  apiRequest<WorkerRoomBindingDto[]>({ path: '/api/worker/room-bindings', query: { status: 'pending' } })

/**
 * Worker: approves or rejects a waiting binding (a reason is required to reject; the resident is told).
 * Errors: 422 `REASON_REQUIRED` (field `reason`), 409 `BINDING_DECIDED`, 404 `NO_SUCH_BINDING`.
 */
export const verifyRoomBinding = (
  id: string,
  body: { decision: 'approve' | 'reject'; reason?: string },
  idempotencyKey?: string,
) =>
  apiRequest<WorkerRoomBindingDto>({
    method: 'POST',
    path: `/api/worker/room-bindings/${encodeURIComponent(id)}/verify`,
    body,
    idempotencyKey,
  })

/** Worker: what waits in each service for the community (0 included), each with its page. */
export const getWorkerHub = () => apiRequest<WorkerHubCountDto[]>({ path: '/api/worker/hub' })
