import type { CoreCollections } from '../../model'
import type { ElevatorCollections } from './model'

/** Seed data of the elevator feature; `core` is the already-built core seed (people, rooms…). */
export function seedElevator(_nowIso: string, _core: CoreCollections): ElevatorCollections {
  return {}
}
