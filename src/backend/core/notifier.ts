/**
 * The one way a message reaches a person: every `ctx.notify` and every scheduled reminder goes through
 * `insertMessage`, so an outbound channel (WeChat subscribe messages through an outbox) can later be
 * plugged in here, inside the same transaction as the change it tells about.
 */
import { maskIdNumbersIn } from '@/domain/shared/residentId'
import type { Message } from '../model'
import type { CoreRepository } from '../repository'
import { newId } from './ids'

/** What a message says: to whom, title and body in plain Chinese, the page where they act, what it asks. */
export interface OutgoingMessage {
  userId: string
  title: string
  body: string
  /** The page where the person acts (a path of the typed route table, `href.*`). */
  link?: string
  /** What it asks the person to act on (`resolveMessages` marks it read once done). */
  ref?: string
}

/**
 * Saves a message in the inbox of `m.userId`, stamped `nowIso` (ISO +08:00), in the caller's transaction.
 * No message ever carries an ID number in full, whatever text it was built from.
 */
export async function insertMessage(core: CoreRepository, m: OutgoingMessage, nowIso: string): Promise<Message> {
  const row: Message = {
    id: newId('msg'),
    userId: m.userId,
    title: maskIdNumbersIn(m.title),
    body: maskIdNumbersIn(m.body),
    link: m.link && maskIdNumbersIn(m.link),
    ref: m.ref,
    createdAt: nowIso,
  }
  return core.messages.insert(row)
}
