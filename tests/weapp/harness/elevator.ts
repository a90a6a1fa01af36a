/** Elevator steps shared by WeChat harness journeys. */
import type { MiniProgram } from './mini-program'

/**
 * Fills the open "start a petition" page for 总浦桥社区 3幢1单元: `position`, co-initiators 102 and 302,
 * a 500,000 yuan budget with 200,000 in subsidies and 12,000 a year of maintenance. Does not submit.
 */
export async function fillZpqPetitionStart(mp: MiniProgram, position: string): Promise<void> {
  await mp.page.input('start-position', position)
  await mp.page.tap('co-r-zpq-3-1-102')
  await mp.page.tap('co-r-zpq-3-1-302')
  await mp.page.input('start-budget', '500000')
  await mp.page.input('start-subsidies', '200000')
  await mp.page.input('start-maintenance', '12000')
}

/** One entry of a petition's ballot log, as stored (`elevator_log`). */
export interface BallotLogEntry {
  petitionId: string
  seq: number
  householdId: string
  choice: string
  channel: string
  actor: string
  at: string
}

/** The ballot log of a petition from the embedded backend, in log order (by `seq`; keys sort as text). */
export async function ballotLog(mp: MiniProgram, petitionId: string): Promise<BallotLogEntry[]> {
  const rows = await mp.backend().inspect<BallotLogEntry>('elevator_log', { petitionId })
  return rows.sort((a, b) => a.seq - b.seq)
}
