import type { CoreCollections } from '../../model'
import type { CareCardCollections } from './model'

/** Seed data of the careCard feature; `core` is the already-built core seed (people, rooms…). */
export function seedCareCard(_nowIso: string, _core: CoreCollections): CareCardCollections {
  return {}
}
