/**
 * Elevator retrofit petition and vote (老旧小区加装电梯, domain note §3): one typed function per endpoint.
 * Money in fen, areas in m², instants ISO with +08:00. Every call throws `ApiError` on failure (codes
 * such as `REAL_NAME_REQUIRED` 422, `NOT_HOUSEHOLD_OWNER` 403, `VOTING_CLOSED` 409, `PETITION_EXISTS` 409).
 * Mutations take an optional `idempotencyKey`: keep one per user action so a retry or double tap never
 * records twice.
 */
import type {
  ElevatorAuditPageDto,
  ElevatorBallotInput,
  ElevatorBallotResultDto,
  ElevatorCostTableDto,
  ElevatorMeterDto,
  ElevatorMyHouseholdsDto,
  ElevatorMyUnitsDto,
  ElevatorObjectionDto,
  ElevatorObjectionListDto,
  ElevatorPaperBallotInput,
  ElevatorPetitionDto,
  ElevatorPetitionInput,
} from '@/domain/elevator/contracts'
import type { ElevatorReachInput, ElevatorReachListDto, ElevatorStageInput } from '@/domain/elevator/contracts-reach'
import type { ElevatorResultSheetDto } from '@/domain/elevator/contracts-sheet'
import { apiRequest } from '../request'

const base = (id: string) => `/api/elevator/petitions/${encodeURIComponent(id)}`
const worker = (id: string) => `/api/elevator/worker/petitions/${encodeURIComponent(id)}`

/** The units where the caller owns flats, each with its current (or latest) petition. */
export const getMyElevatorUnits = () => apiRequest<ElevatorMyUnitsDto>({ path: '/api/elevator/my-units' })

/**
 * Starts a petition (owner, real-name bound) with 2–4 co-initiators' flats; 409 `PETITION_EXISTS` when the unit has
 * one.
 */
export const startElevatorPetition = (input: ElevatorPetitionInput, idempotencyKey?: string) =>
  apiRequest<ElevatorPetitionDto>({ method: 'POST', path: '/api/elevator/petitions', body: input, idempotencyKey })

/** One petition (unit owners and the community's workers). */
export const getElevatorPetition = (id: string) => apiRequest<ElevatorPetitionDto>({ path: base(id) })

/** A co-initiator confirms; when all have, voting opens and every owner is told. */
export const confirmElevatorPetition = (id: string, idempotencyKey?: string) =>
  apiRequest<ElevatorPetitionDto>({ method: 'POST', path: `${base(id)}/confirm`, idempotencyKey })

/** A co-initiator declines; the petition is cancelled and the starter told. */
export const declineElevatorPetition = (id: string, idempotencyKey?: string) =>
  apiRequest<ElevatorPetitionDto>({ method: 'POST', path: `${base(id)}/decline`, idempotencyKey })

/** The caller's flats in the unit with their cost share (fen) and current ballot: shown before signing. */
export const getMyElevatorHouseholds = (id: string) =>
  apiRequest<ElevatorMyHouseholdsDto>({ path: `${base(id)}/my-households` })

/** Casts or changes the caller's e-signed ballot (applies to all their flats in the unit); keep the receipt. */
export const castElevatorBallot = (id: string, input: ElevatorBallotInput, idempotencyKey?: string) =>
  apiRequest<ElevatorBallotResultDto>({ method: 'POST', path: `${base(id)}/ballots`, body: input, idempotencyKey })

/** The live meter: tally of final ballots and the four ratios against their thresholds (Civil Code art. 278). */
export const getElevatorMeter = (id: string) => apiRequest<ElevatorMeterDto>({ path: `${base(id)}/meter` })

/** The whole unit's cost-sharing table (shares sum exactly to the net cost) and any compensation line. */
export const getElevatorCostTable = (id: string) => apiRequest<ElevatorCostTableDto>({ path: `${base(id)}/cost-table` })

/** A page of the hash-chained ballot log, in seq order (`cursor` from the previous page). */
export const listElevatorAuditLog = (id: string, cursor?: string, limit = 20) =>
  apiRequest<ElevatorAuditPageDto>({ path: `${base(id)}/audit-log`, query: { cursor, limit } })

/**
 * Files a real-name written objection during the 10-day publicity (text ≥ 10 characters, optional photo by its
 * `uploadPhoto` id).
 */
export const fileElevatorObjection = (
  id: string,
  input: { householdId: string; text: string; photoId?: string },
  idempotencyKey?: string,
) => apiRequest<ElevatorObjectionDto>({ method: 'POST', path: `${base(id)}/objections`, body: input, idempotencyKey })

/** Objections: workers see all, owners the count and their own. */
export const listElevatorObjections = (id: string) =>
  apiRequest<ElevatorObjectionListDto>({ path: `${base(id)}/objections` })

/** Worker: the petitions of the worker's community. */
export const listWorkerElevatorPetitions = () =>
  apiRequest<ElevatorPetitionDto[]>({ path: '/api/elevator/worker/petitions' })

/** Worker: enters a paper or door-to-door ballot with a photo of the signed form; the owner is told. */
export const enterPaperElevatorBallot = (id: string, input: ElevatorPaperBallotInput, idempotencyKey?: string) =>
  apiRequest<ElevatorBallotResultDto>({
    method: 'POST',
    path: `${worker(id)}/paper-ballots`,
    body: input,
    idempotencyKey,
  })

/** Worker: records an objection received on paper during publicity (photo of the signed paper required). */
export const recordPaperElevatorObjection = (
  id: string,
  input: { householdId: string; text: string; photoId: string },
  idempotencyKey?: string,
) =>
  apiRequest<ElevatorObjectionDto>({
    method: 'POST',
    path: `${worker(id)}/paper-objections`,
    body: input,
    idempotencyKey,
  })

/** Worker: records the next dispute step (mediation, community/street coordination, resolved) and what happened. */
export const recordElevatorMediationStep = (
  id: string,
  input: { stage: 'mediation' | 'coordination' | 'resolved'; note: string },
  idempotencyKey?: string,
) => apiRequest<ElevatorPetitionDto>({ method: 'POST', path: `${worker(id)}/mediation`, body: input, idempotencyKey })

/** Every household of the unit with how it was told of the petition and vote (workers and initiators). */
export const getElevatorReach = (id: string) => apiRequest<ElevatorReachListDto>({ path: `${worker(id)}/reach` })

/** Records how a household was told (channel, `YYYY-MM-DD`); 422 `BAD_REACH_DATE` for a date after today. */
export const recordElevatorReach = (id: string, input: ElevatorReachInput, idempotencyKey?: string) =>
  apiRequest<ElevatorReachListDto>({ method: 'POST', path: `${worker(id)}/reach`, body: input, idempotencyKey })

/** Publishes a result held after the deadline; 409 `HOUSEHOLDS_NOT_REACHED` (names how many) while any is untold. */
export const publishElevatorResult = (id: string, idempotencyKey?: string) =>
  apiRequest<ElevatorPetitionDto>({ method: 'POST', path: `${worker(id)}/publish`, idempotencyKey })

/**
 * Withdraws a petition (starter or confirmed co-initiator, before the vote ends) with a reason; voters and
 * the group are told. 409 `CANNOT_WITHDRAW` after the deadline, 403 `NOT_INITIATOR`.
 */
export const withdrawElevatorPetition = (id: string, reason: string, idempotencyKey?: string) =>
  apiRequest<ElevatorPetitionDto>({ method: 'POST', path: `${base(id)}/withdraw`, body: { reason }, idempotencyKey })

/** Records (or corrects) a project stage after approval; owners are messaged the first time. 409 `NOT_APPROVED_YET`. */
export const recordElevatorStage = (id: string, input: ElevatorStageInput, idempotencyKey?: string) =>
  apiRequest<ElevatorPetitionDto>({ method: 'POST', path: `${worker(id)}/stages`, body: input, idempotencyKey })

/** The printable result sheet; 409 `RESULT_NOT_PUBLISHED` before the result (or a withdrawal). */
export const getElevatorResultSheet = (id: string) =>
  apiRequest<ElevatorResultSheetDto>({ path: `${base(id)}/result-sheet` })
