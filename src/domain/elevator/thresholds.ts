/**
 * The two thresholds of the elevator-retrofit vote (Civil Code art. 278; SPC building-ownership
 * interpretation art. 9), each written once: the tally (`rules.ts`), the live meter and its shortfalls
 * (`meter.ts`) and every sentence that names a threshold (`2/3`, `3/4`) read them from here. Kept apart
 * from `meter.ts` so that pages can print the rule without bundling the meter.
 */

/** An exact fraction `num / den` of non-negative integers (`den` 0 means "nothing to compare yet"). */
export type Fraction = { num: number; den: number }

/** The participation threshold, Civil Code art. 278: two thirds of area and of owners. */
export const PARTICIPATION_THRESHOLD: Fraction = { num: 2, den: 3 }
/** The approval threshold, Civil Code art. 278: three quarters of the participating area and owners. */
export const APPROVAL_THRESHOLD: Fraction = { num: 3, den: 4 }

/** A fraction as people read it: `{ num: 3, den: 4 }` → `3/4`. */
export const fractionText = (f: Fraction): string => `${f.num}/${f.den}`

/** `2/3`: the participation threshold in words. */
export const PARTICIPATION_TEXT = fractionText(PARTICIPATION_THRESHOLD)
/** `3/4`: the approval threshold in words. */
export const APPROVAL_TEXT = fractionText(APPROVAL_THRESHOLD)
