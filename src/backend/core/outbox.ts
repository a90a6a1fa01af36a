/**
 * The outbox dispatcher: sends the WeChat subscribe messages that `insertMessage` queued, after their
 * transaction committed. A row is claimed in a transaction of its own (read with `lock`, state set to
 * 'sending' with a lease: SERIALIZABLE on SQL, so two processes never both claim it), sent outside any
 * transaction, then marked 'sent' — or, on failure, made due again with a growing wait and given up
 * after `OUTBOX_MAX_ATTEMPTS`; WeChat's 43101 (no acceptance left) marks it 'refused' and sets the
 * person's acceptances of that template to 0. A claim whose dispatcher stopped mid-send lapses after
 * `OUTBOX_LEASE_MS` and is sent again (at most once more per lapse).
 */
import { beijingIso } from '@/domain/shared/time'
import type { OutboxMessage } from '../model'
import type { Tx } from './router'
import type { SubscribeMessageSender } from './services'

/** Tries per message before it is given up ('failed'). */
export const OUTBOX_MAX_ATTEMPTS = 5
/** The wait after the first failed try; it doubles after each further one (1, 2, 4, 8 minutes). */
export const OUTBOX_FIRST_RETRY_MS = 60_000
/** How long a claim holds before another dispatcher may take the row again. */
const OUTBOX_LEASE_MS = 10 * 60_000
/** Rows claimed per round. */
const BATCH = 20

/** Runs `work` in a transaction of its own (the backend's `run`). */
type RunTx = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>

/** What one round did: rows sent, refused (43101), failed and to be tried again, given up. */
export interface DispatchResult {
  sent: number
  refused: number
  retrying: number
  failed: number
}

/**
 * Claims the outbox rows due at `nowMs` (a batch) and sends each through `sender`; without a sender
 * (the embedded demo) each is marked sent unsent. @throws what the store throws
 */
export async function dispatchOutbox(
  run: RunTx,
  sender: SubscribeMessageSender | undefined,
  nowMs: number,
): Promise<DispatchResult> {
  const nowIso = beijingIso(nowMs)
  const claimed = await run(async (tx) => {
    const out: { row: OutboxMessage; openid?: string }[] = []
    for (const due of await tx.core.outboxDue(nowIso, BATCH)) {
      const row = await tx.core.outbox.get(due.id, { lock: true })
      const claimable =
        row &&
        ((row.state === 'pending' && row.nextAt <= nowIso) ||
          (row.state === 'sending' && !!row.claimedUntil && row.claimedUntil < nowIso))
      if (!claimable) continue
      const attempts = row.attempts + 1
      await tx.core.outbox.update(row.id, {
        state: 'sending',
        attempts,
        claimedUntil: beijingIso(nowMs + OUTBOX_LEASE_MS),
      })
      const user = await tx.core.users.get(row.userId)
      out.push({ row: { ...row, attempts }, openid: user && !user.deletedAt ? user.wechatOpenid : undefined })
    }
    return out
  })
  const result: DispatchResult = { sent: 0, refused: 0, retrying: 0, failed: 0 }
  for (const { row, openid } of claimed) {
    let outcome: 'sent' | 'refused' | { error: string }
    if (!openid) outcome = { error: 'no openid (logged out of WeChat or account deleted)' }
    else if (!sender) outcome = 'sent'
    else {
      try {
        outcome = await sender.send({ touser: openid, template: row.template, page: row.page, data: row.data })
      } catch (e) {
        outcome = { error: e instanceof Error ? e.message : String(e) }
      }
    }
    await run(async (tx) => {
      const box = tx.core.outbox
      if (outcome === 'sent') {
        await box.update(row.id, { state: 'sent', doneAt: nowIso, claimedUntil: undefined })
        result.sent++
      } else if (outcome === 'refused') {
        await box.update(row.id, { state: 'refused', doneAt: nowIso, claimedUntil: undefined })
        const subId = `${row.userId}:${row.template}`
        if (await tx.core.subscriptions.get(subId, { lock: true }))
          await tx.core.subscriptions.update(subId, { accepted: 0, updatedAt: nowIso })
        result.refused++
      } else if (!openid || row.attempts >= OUTBOX_MAX_ATTEMPTS) {
        await box.update(row.id, { state: 'failed', doneAt: nowIso, claimedUntil: undefined, lastError: outcome.error })
        result.failed++
      } else {
        const wait = OUTBOX_FIRST_RETRY_MS * 2 ** (row.attempts - 1)
        await box.update(row.id, {
          state: 'pending',
          nextAt: beijingIso(nowMs + wait),
          claimedUntil: undefined,
          lastError: outcome.error.slice(0, 200),
        })
        result.retrying++
      }
    })
  }
  return result
}
