import type { CoreCollections } from '../../model'
import type { YouthPalaceCollections } from './model'

/** Seed data of the youthPalace feature; `core` is the already-built core seed (people, rooms…). */
export function seedYouthPalace(_nowIso: string, _core: CoreCollections): YouthPalaceCollections {
  return {}
}
