/**
 * The scheduled-reminder job (issue 26 item 2): each feature's `reminders` provider lists what may be
 * reminded now, this job sends each once — a row `<kind>:<ref>:<user>` in `reminders_sent` inserted in
 * the message's own transaction, so several processes running it are safe (the second insert is a
 * duplicate key and is skipped) — never at night (`reminderSendTime`), and never a kind the person
 * turned off. Runs on the backend's clock (mock time in the demo): after requests and, on the server,
 * from a timer (`Backend.runReminders`).
 */
import { isQuietHour, reminderSendTime, type ReminderKind } from '@/domain/shared/reminders'
import { beijingIso } from '@/domain/shared/time'
import { DuplicateKeyError } from './data/store'
import { insertMessage } from './notifier'
import type { Tx } from './router'

/** What a reminder provider reads: the transaction's repositories and now (epoch ms and ISO +08:00). */
export interface ReminderScan {
  tx: Tx
  nowMs: number
  nowIso: string
}

/** A reminder that may be due: to whom, about what, when, and its message. */
export interface ReminderCandidate {
  kind: ReminderKind
  /** What it is about (an offer, a petition, a card and month…): with kind and user, sent once. */
  ref: string
  userId: string
  /** When it is meant to go out (ISO); held out of the night by `reminderSendTime`. */
  at: string
  /** When it no longer makes sense (what it reminds of passes); not sent from then on. */
  until: string
  title: string
  body: string
  /** The page where the person acts (`href.*`). */
  link: string
}

/**
 * A feature's reminders: every candidate whose `until` has not passed (the job keeps those due now).
 * Read-only: nothing is written.
 */
export type ReminderProvider = (scan: ReminderScan) => Promise<ReminderCandidate[]>

/** Runs `work` in a transaction of its own (the backend's `run`). */
type RunTx = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>

const sentId = (r: ReminderCandidate) => `${r.kind}:${r.ref}:${r.userId}`

/** Whether `r` is due at `nowMs`: its send time reached (out of the night) and its `until` not. */
function isDue(r: ReminderCandidate, nowMs: number): boolean {
  const until = Date.parse(r.until)
  return !isQuietHour(nowMs) && nowMs < until && reminderSendTime(Date.parse(r.at), until) <= nowMs
}

/**
 * Sends every reminder due at `nowMs` that was not sent before and whose kind its person did not turn
 * off: one transaction to list them, then one per reminder. Returns how many were sent.
 */
export async function sendDueReminders(run: RunTx, providers: readonly ReminderProvider[], nowMs: number) {
  if (isQuietHour(nowMs)) return 0
  const nowIso = beijingIso(nowMs)
  const due = await run(async (tx) => {
    const out: ReminderCandidate[] = []
    for (const provide of providers) {
      for (const r of await provide({ tx, nowMs, nowIso })) {
        if (!isDue(r, nowMs) || (await tx.core.remindersSent.get(sentId(r)))) continue
        if ((await tx.core.mutedKinds(r.userId)).includes(r.kind)) continue
        out.push(r)
      }
    }
    return out
  })
  let sent = 0
  for (const r of due) {
    try {
      sent += await run(async (tx) => {
        if (await tx.core.remindersSent.get(sentId(r))) return 0
        await tx.core.remindersSent.insert({
          id: sentId(r),
          kind: r.kind,
          ref: r.ref,
          userId: r.userId,
          sentAt: nowIso,
        })
        await insertMessage(tx.core, { ...r, template: 'reminder' }, nowIso)
        return 1
      })
    } catch (e) {
      // Another process sent it first.
      if (!(e instanceof DuplicateKeyError)) throw e
    }
  }
  return sent
}
