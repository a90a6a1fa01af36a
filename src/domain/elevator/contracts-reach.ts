/**
 * Wire shapes of reaching every owner of an elevator petition (issue 28): one record per way a
 * household was told of the petition and the vote; and the project's stages after approval. Types
 * only. Dates `YYYY-MM-DD` (Beijing), instants ISO with +08:00.
 */
import type { ProjectStage, ReachChannel } from './values'

/** One record: how, when (calendar date) and by whom a household was told. */
interface ElevatorReachDto {
  householdId: string
  roomName: string
  channel: ReachChannel
  /** The day the owner was told, `YYYY-MM-DD`. */
  date: string
  /** Who told them: `worker`, `initiator` (the retrofit group), or `system` (the app's own message). */
  byRole: 'worker' | 'initiator' | 'system'
  /** The person's name (`null` for the system or a deleted account). */
  byName: string | null
  note: string | null
}

/** Every household of the unit with its reach records (oldest first); `reached` false when it has none. */
export interface ElevatorReachListDto {
  petitionId: string
  unitLabel: string
  households: { householdId: string; roomName: string; reached: boolean; records: ElevatorReachDto[] }[]
  /** How many households have no record yet (the result cannot be published while > 0). */
  missing: number
  /** Today in Beijing by the server's clock, `YYYY-MM-DD` (the latest date a record may carry). */
  today: string
}

/** A worker or initiator records how a household was told. */
export interface ElevatorReachInput {
  householdId: string
  channel: ReachChannel
  /** `YYYY-MM-DD`, not after today. */
  date: string
  note?: string
}

/** A recorded project stage after approval, as every owner sees it on the petition page. */
export interface ElevatorStageDto {
  stage: ProjectStage
  stageText: string
  /** The day it happened, `YYYY-MM-DD`. */
  date: string
  note: string
}

/** A worker records (or corrects) a project stage: the day (`YYYY-MM-DD`, not after today) and a note. */
export interface ElevatorStageInput {
  stage: ProjectStage
  date: string
  note: string
}
