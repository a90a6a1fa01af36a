/**
 * The elevator vote's lists of values (domain note §3), each spelled once: contract types, the domain's
 * checks, the backend's valibot picklists and the pages' choices derive from these arrays.
 */

/** Vote choices; an abstention participates (Civil Code art. 278 counts it as taking part). */
export const VOTE_CHOICES = ['agree', 'oppose', 'abstain'] as const
/** One of `VOTE_CHOICES`. */
export type VoteChoice = (typeof VOTE_CHOICES)[number]
/** Plain-Chinese names of the choices. */
export const VOTE_CHOICE_LABELS: Readonly<Record<VoteChoice, string>> = {
  agree: '同意',
  oppose: '反对',
  abstain: '弃权',
}

/** Where a ballot came from: the app, a paper form entered by a worker, or a door-to-door visit. */
export const BALLOT_CHANNELS = ['app', 'paper', 'door'] as const
/** One of `BALLOT_CHANNELS`. */
export type BallotChannel = (typeof BALLOT_CHANNELS)[number]
/** The channels a worker enters a ballot through (all but `app`). */
export const WORKER_BALLOT_CHANNELS = ['paper', 'door'] as const satisfies readonly BallotChannel[]

/** How a ballot was signed: a handwritten signature (on screen or paper) or a typed name. */
export const SIGNATURE_KINDS = ['handwritten', 'typed-name'] as const
/** One of `SIGNATURE_KINDS`. */
export type SignatureKind = (typeof SIGNATURE_KINDS)[number]

/**
 * Dispute steps after publicity, in order (Hangzhou Order No. 324): negotiation → mediation →
 * community/street coordination → resolved. A petition enters at `negotiation`; a worker records the rest.
 */
export const MEDIATION_STAGES = ['negotiation', 'mediation', 'coordination', 'resolved'] as const
/** One of `MEDIATION_STAGES`. */
export type MediationStage = (typeof MEDIATION_STAGES)[number]
/** Plain-Chinese names of the stages. */
export const MEDIATION_STAGE_LABELS: Readonly<Record<MediationStage, string>> = {
  negotiation: '协商',
  mediation: '调解',
  coordination: '社区、街道协调',
  resolved: '已解决',
}
/** The stages a worker may record (every stage after the first). */
export const RECORDED_MEDIATION_STAGES = [
  'mediation',
  'coordination',
  'resolved',
] as const satisfies readonly MediationStage[]

/**
 * How an owner was told of the petition and the vote (issue 28: reach every owner, not only app users):
 * app message, SMS, registered mail, a notice on the door, in person.
 */
export const REACH_CHANNELS = ['app', 'sms', 'registered-mail', 'door-notice', 'in-person'] as const
/** One of `REACH_CHANNELS`. */
export type ReachChannel = (typeof REACH_CHANNELS)[number]
/** Plain-Chinese names of the reach channels. */
export const REACH_CHANNEL_LABELS: Readonly<Record<ReachChannel, string>> = {
  app: '应用内消息',
  sms: '短信',
  'registered-mail': '挂号信',
  'door-notice': '张贴/塞门告知单',
  'in-person': '当面告知',
}

/**
 * The project's stages after an approved vote (Hangzhou Order No. 324: joint review → pipe relocation →
 * construction; then acceptance and the subsidy), recorded by a community worker and shown to every owner.
 */
export const PROJECT_STAGES = [
  'design-review',
  'pipe-relocation',
  'construction',
  'acceptance',
  'subsidy-granted',
] as const
/** One of `PROJECT_STAGES`. */
export type ProjectStage = (typeof PROJECT_STAGES)[number]
/** Plain-Chinese names of the project stages. */
export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, string>> = {
  'design-review': '设计方案联合审查',
  'pipe-relocation': '管线迁移',
  construction: '施工',
  acceptance: '竣工验收',
  'subsidy-granted': '补助发放',
}
