/**
 * The one way a message reaches a person: every `ctx.notify` and every scheduled reminder goes through
 * `insertMessage`. The in-app inbox is the record; a WeChat subscribe message is written beside it into
 * the outbox, in the same transaction, when the person logged in with WeChat (has an openid) and has an
 * unused acceptance of the message's template. `core/outbox.ts` sends outbox rows after the commit, so a
 * transaction that rolls back or runs again never sends (its rows went with it).
 */
import { maskIdNumbersIn } from '@/domain/shared/residentId'
import { href } from '@/domain/routes'
import { templateData, templatePage, type TemplateKey } from '@/domain/shared/subscriptions'
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
  /**
   * The WeChat subscribe-message template it goes out with when the person accepted one: 'progress'
   * (default: a status change) or 'reminder' (the scheduled-reminder job).
   */
  template?: TemplateKey
}

/**
 * Saves a message in the inbox of `m.userId`, stamped `nowIso` (ISO +08:00), in the caller's transaction,
 * and queues its WeChat subscribe message (using one acceptance) when the person can receive one.
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
  const saved = await core.messages.insert(row)
  await queueSubscribeMessage(core, saved, m.template ?? 'progress', nowIso)
  return saved
}

/** Writes the outbox row of `msg` and uses one acceptance, if its person has an openid and one left. */
async function queueSubscribeMessage(core: CoreRepository, msg: Message, template: TemplateKey, nowIso: string) {
  const user = await core.users.get(msg.userId)
  if (!user?.wechatOpenid || user.deletedAt) return
  const subId = `${msg.userId}:${template}`
  const sub = await core.subscriptions.get(subId, { lock: true })
  if (!sub || sub.accepted <= 0) return
  await core.subscriptions.update(subId, { accepted: sub.accepted - 1, updatedAt: nowIso })
  await core.outbox.insert({
    id: newId('obx'),
    messageId: msg.id,
    userId: msg.userId,
    template,
    page: templatePage(msg.link, href.messages()),
    data: templateData(template, msg),
    state: 'pending',
    attempts: 0,
    nextAt: nowIso,
    createdAt: nowIso,
  })
  core.outboxWritten = true
}
