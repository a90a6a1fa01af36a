/** Wire shape of the elevator petition's printable result sheet (issue 28). Types only. */
import type { BallotChannel } from './auditLog'
import type { ElevatorChoiceDto, ElevatorPetitionStatusDto, ElevatorWithdrawalDto } from './contracts'
import type { ElevatorMeter, VoteTally } from './rules'

/**
 * `GET …/result-sheet`: the printable result (issue 28): the tally by area and by headcount against the
 * Civil Code art. 278 double thresholds, each household's ballot and how it was told, the ballot chain's
 * head hash and the publicity window. A withdrawn petition's sheet says 已撤回 (tally as it stood, no verdict).
 */
export interface ElevatorResultSheetDto {
  petitionId: string
  unitLabel: string
  status: ElevatorPetitionStatusDto
  statusText: string
  /** `表决通过` / `表决未通过` / `已撤回`. */
  verdict: string
  summary: string
  votingDeadline: string
  tally: VoteTally
  meter: ElevatorMeter
  households: {
    roomName: string
    floor: number
    area: number
    choice: ElevatorChoiceDto | null
    ballotChannel: BallotChannel | null
    /** How the household was told, e.g. `应用内消息 2026年2月25日（周三）`, oldest first. */
    reach: string[]
  }[]
  head: { seq: number; hash: string } | null
  publicity: { startsAt: string; endsAt: string } | null
  withdrawal: ElevatorWithdrawalDto | null
  /** When this sheet was produced (ISO, +08:00). */
  asOf: string
}
