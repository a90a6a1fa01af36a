/**
 * The care card's lists of values (domain.md §1), each spelled once: the service kinds, the kinds of
 * proof photo and the review stages, with their plain-Chinese labels. Contract types, the backend's
 * valibot picklists and the pages' lists all derive from these arrays, so a new kind is added here and
 * nowhere else (a label `Record` over the kinds makes the compiler ask for its label). The registered
 * groups, `CARE_GROUPS`, live beside the eligibility rules in `eligibility.ts`.
 */
import { CARE_GROUPS } from './eligibility'

/** Service kinds, in display order: 助餐 meal, 助浴 bath, 助洁 clean, 助行 walk, 助医 medical, 助急 emergency. */
export const CARE_SERVICE_KINDS = ['meal', 'bath', 'clean', 'walk', 'medical', 'emergency'] as const

/** One of `CARE_SERVICE_KINDS`. */
export type CareServiceKind = (typeof CARE_SERVICE_KINDS)[number]

/** Plain-Chinese labels of the service kinds (the section titles of the service catalogue). */
export const CARE_SERVICE_KIND_LABELS: Readonly<Record<CareServiceKind, string>> = {
  meal: '助餐',
  bath: '助浴',
  clean: '助洁',
  walk: '助行',
  medical: '助医',
  emergency: '助急',
}

/**
 * Kinds of proof photo: `household` (户口簿 or 居住证, always required), one per registered group
 * (低保证明, 低边证明, 特困证明, 失能评估结果), `relationship` (a proxy's relationship proof, optional) or `other`.
 */
export const CARE_PROOF_KINDS = ['household', ...CARE_GROUPS, 'relationship', 'other'] as const

/** One of `CARE_PROOF_KINDS`. */
export type CareProofKind = (typeof CARE_PROOF_KINDS)[number]

/** Plain-Chinese names of the proof kinds, e.g. `低保证明`. */
export const CARE_PROOF_LABELS: Readonly<Record<CareProofKind, string>> = {
  household: '户口簿或居住证',
  subsistence: '低保证明',
  marginal: '低边证明',
  destitute: '特困证明',
  disabled: '失能评估结果',
  relationship: '代办人关系证明',
  other: '其他材料',
}

/** The two review stages of an application, in order: 社区初审 (community), then 街道审核 (street). */
export const CARE_REVIEW_STAGES = ['community', 'street'] as const

/** One of `CARE_REVIEW_STAGES`. */
export type CareReviewStage = (typeof CARE_REVIEW_STAGES)[number]

/** Plain-Chinese names of the review stages. */
export const CARE_REVIEW_STAGE_LABELS: Readonly<Record<CareReviewStage, string>> = {
  community: '社区初审',
  street: '街道审核',
}
