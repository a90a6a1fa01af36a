/**
 * Routes of the elevator retrofit petition and vote (老旧小区加装电梯, domain note §3; Civil Code art. 278;
 * Hangzhou Order No. 324), all under `/api/elevator/`: petitions (`routes-petition.ts`), ballots, meter,
 * cost table and audit log (`routes-vote.ts`), worker entries, objections and mediation
 * (`routes-worker.ts`), how each household was told and publishing a held result (`routes-reach.ts`),
 * withdrawal (`routes-withdraw.ts`), project stages after approval (`routes-stages.ts`),
 * the printable result sheet (`routes-sheet.ts`). Every handler first closes what is due by mock time
 * (`lifecycle.ts`).
 */
import type { Route } from '@/backend/core/router'
import { petitionRoutes } from './routes-petition'
import { reachRoutes } from './routes-reach'
import { voteRoutes } from './routes-vote'
import { sheetRoutes } from './routes-sheet'
import { stageRoutes } from './routes-stages'
import { withdrawRoutes } from './routes-withdraw'
import { workerRoutes } from './routes-worker'

/** Routes of the elevator feature, registered in `src/backend/index.ts`. */
export const elevatorRoutes: Route[] = [
  ...petitionRoutes,
  ...voteRoutes,
  ...workerRoutes,
  ...reachRoutes,
  ...withdrawRoutes,
  ...stageRoutes,
  ...sheetRoutes,
]
