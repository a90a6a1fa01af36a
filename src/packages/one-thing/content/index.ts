/**
 * "One thing" (一件事) content: the life events offered by the app, typed with domain/one-thing/guides.ts.
 * Agencies, materials and channels follow Zhejiang's 一件事 practice (domain.md §4); promised time
 * limits are typical local commitments (PRODUCT) to be confirmed per city. Deadlines are only the
 * three legal ones in `LEGAL_DEADLINES`.
 */
import type { LifeEvent } from '@/domain/one-thing/guides'
import { AFTER_DEATH } from './after-death'
import { BUSINESS_STARTUP } from './business-startup'
import { EMPLOYMENT } from './employment'
import { MARRIAGE_CHILDBIRTH } from './marriage-childbirth'
import { NEWBORN } from './newborn'
import { RESALE_HOME } from './resale-home'
import { RETIREMENT } from './retirement'
import { SCHOOL_ENTRY } from './school-entry'

export { EVENT_SYNONYMS } from './synonyms'

/** All life events, in life-cycle order (the order of browsing and of search ties). */
export const LIFE_EVENTS: readonly LifeEvent[] = [
  NEWBORN,
  SCHOOL_ENTRY,
  EMPLOYMENT,
  BUSINESS_STARTUP,
  MARRIAGE_CHILDBIRTH,
  RESALE_HOME,
  RETIREMENT,
  AFTER_DEATH,
]

/** The event with this id, or `undefined`. */
export const findLifeEvent = (id: string): LifeEvent | undefined => LIFE_EVENTS.find((e) => e.id === id)
