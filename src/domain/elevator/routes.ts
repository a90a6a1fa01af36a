/** Pages of the elevator subpackage (加装电梯), worker pages under pages/worker*. See domain/shared/routes.ts. */
import { pagesUnder } from '../shared/routes'

const page = pagesUnder('packages/elevator')

/** `id` is always a petition's id. */
export const elevatorRoutes = {
  /** `petitionId`: messages saved before links went to the petition page; the page redirects there. */
  index: page<{ petitionId?: string }>('pages/index/index'),
  petition: page<{ id: string }>('pages/petition/index'),
  start: page<{ unitId: string }>('pages/start/index'),
  ballot: page<{ id: string }>('pages/ballot/index'),
  cost: page<{ id: string }>('pages/cost/index'),
  audit: page<{ id: string }>('pages/audit/index'),
  resultSheet: page<{ id: string }>('pages/result-sheet/index'),
  objections: page<{ id: string }>('pages/objections/index'),
  worker: page('pages/worker/index'),
  workerPaperBallot: page<{ id: string }>('pages/worker-paper-ballot/index'),
  workerObjections: page<{ id: string }>('pages/worker-objections/index'),
  workerReach: page<{ id: string }>('pages/worker-reach/index'),
  workerStages: page<{ id: string }>('pages/worker-stages/index'),
}
