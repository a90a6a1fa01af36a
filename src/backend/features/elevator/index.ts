/**
 * The elevator retrofit feature module (老旧小区加装电梯, domain.md §3): petitions with their retrofit
 * group, the owners' e-signed vote under Civil Code art. 278 with a hash-chained ballot log, paper
 * ballots entered by workers, objections during publicity and the dispute steps after it. Registered
 * with the core in `src/backend/index.ts`.
 *
 * Account deletion: nothing to release or erase. Ballots stay in the log (and count) under the now
 * anonymous user id, as do petitions, signatures and objections: other owners' decision rests on them.
 */
import { elevatorExport } from './export'
import type { Feature } from '@/backend/core/feature'
import { elevatorFromV2 } from './migrate-v2'
import { elevatorReminders } from './reminders'
import { elevatorTodos } from './todos'
import { elevatorWorkerCounts } from './worker-counts'
import { ElevatorRepository } from './repository'
import { elevatorRoutes } from './routes'
import { seedElevator } from './seed'
import { ELEVATOR_TABLES } from './tables'

/** The elevator feature: its tables, repository (`ctx.tx.elevator`), routes, seed and v2 migration. */
export const elevatorFeature: Feature<'elevator'> = {
  name: 'elevator',
  tables: ELEVATOR_TABLES,
  repository: (tables) => new ElevatorRepository(tables),
  routes: elevatorRoutes,
  todos: elevatorTodos,
  reminders: elevatorReminders,
  exportOf: elevatorExport,
  workerCounts: elevatorWorkerCounts,
  seed: seedElevator,
  fromV2: elevatorFromV2,
}
