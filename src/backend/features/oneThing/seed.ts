import type { CoreCollections } from '../../model'
import type { OneThingCollections } from './model'

/** Seed data of the oneThing feature; `core` is the already-built core seed (people, rooms…). */
export function seedOneThing(_nowIso: string, _core: CoreCollections): OneThingCollections {
  return {}
}
