/**
 * The person's data export (`GET /api/me/export`, PIPL art. 45): the core's records (profile, rooms,
 * sessions, family links, messages, reminders, settings, photos, workers' openings) and every feature's
 * part (`Feature.exportOf`), as versioned JSON with a readable summary.
 */
import { EXPORT_SCHEMA_VERSION, type ExportSummaryDto, type MyDataExportDto } from '@/domain/shared/contracts'
import { maskResidentId } from '@/domain/shared/residentId'
import { beijingDate, formatDateCn, formatDateTimeCn } from '@/domain/shared/time'
import type { ExportProvider, RouteContext } from '../core/router'
import { TEMPLATE_LABELS, type TemplateKey } from '@/domain/shared/subscriptions'
import type { PiiAccess, Subscription } from '../model'
import { displayName, displayNames } from './views'

/** A row without the named fields (secrets that must not leave the server, even to their owner). */
export function withoutFields<R extends object>(row: R, ...fields: (keyof R)[]): Record<string, unknown> {
  const copy = { ...row } as Record<string, unknown>
  for (const f of fields) delete copy[f as string]
  return copy
}

/** Someone else's name as the export shows it: the family name and one `*` per other character ("王**"). */
function maskedName(name: string): string {
  return name.length <= 1 ? name : name[0] + '*'.repeat(name.length - 1)
}

/**
 * The core's tables that hold no rows about a person (or none the export should carry), with the
 * reason; every other table must be in the export (`tests/unit/backend/export.test.ts`). Includes the
 * server-only SQL tables (`images`, `pii_seal_state`, `rate_limits`) and `sessions` (dropped by 010).
 */
export const CORE_NOT_PERSONAL: Readonly<Record<string, string>> = {
  settings: '演示设置（模拟时间），不涉及个人',
  communities: '社区名录，公开信息',
  buildings: '楼栋名录，公开信息',
  units: '单元名录，公开信息',
  rooms: '房屋名录；本人绑定的房屋在 room_bindings',
  property_register: '不动产登记（政府登记簿），本人名下的房屋在 room_bindings',
  population_register: '户籍登记（政府登记簿），本人的实名信息在 users',
  idempotency: '重复提交时保存的应答副本，一天后删除，内容已在其他部分',
  images: '照片的图像本身（服务器），每张照片的记录在 photos',
  pii_seal_state: '服务器加密密钥状态，不涉及个人',
  rate_limits: '服务器访问频率计数（一小时内过期），不涉及个人',
  sessions: '旧的登录表，已由 login_sessions 取代（迁移 010 删除）',
}

/** The core's part of the export: the person's rows per core table, and the account's summary lines. */
async function coreExport(ctx: RouteContext, userId: string) {
  const { tx } = ctx
  const core = tx.core
  const user = (await core.users.get(userId))!
  const links = await core.linksOf(userId)
  const others = await displayNames(
    core,
    links.flatMap((l) => [l.proxyId, l.principalId]).filter((id) => id !== userId),
  )
  const messages = []
  for (let offset = 0; ; offset += 200) {
    const page = await core.messagesOf(userId, { offset, limit: 200 })
    messages.push(...page)
    if (page.length < 200) break
  }
  const bindings = await core.bindingsOf(userId)
  const sessions = await core.sessionsOf(userId)
  const accesses = await core.piiAccessesOf(userId)
  const photos = await core.photosOf(userId)
  const settings = await core.messageSettings.get(userId)
  const reminders = await core.remindersSentTo(userId)
  const attempts = await core.attemptsOfKey(`real-name:${userId}`)
  const ratings = await core.ratingsOf(userId)
  const subscriptions = await core.subscriptionsOf(userId)
  const outbox = await core.outboxOf(userId)
  // Workers' acts for the person (网格员代办), and a worker's own log.
  const actsForMe = await core.proxyActsForPrincipal(userId)
  const actsByMe = user.role === 'worker' ? await core.proxyActsOfWorker(userId, 10_000) : []
  const actNames = await displayNames(core, [
    ...actsForMe.map((a) => a.workerId),
    ...actsByMe.map((a) => a.principalId),
  ])
  const actLine = (who: string, a: { what: string; at: string }) => `${formatDateTimeCn(a.at)} ${who}：${a.what}`
  const community = await core.communities.get(user.communityId)
  const roomLines = await Promise.all(
    bindings.map(
      async (r) =>
        `${await core.roomLabel(r.roomId)}（${r.role === 'owner' ? `业主，${r.area} ㎡` : r.role === 'tenant' ? '租户' : '家属'}，${r.verified ? '已核实' : r.rejectedReason ? `核实未通过：${r.rejectedReason}` : '待社区核实'}）`,
    ),
  )
  const tables: Record<string, Record<string, unknown>[]> = {
    users: [withoutFields(user)],
    room_bindings: bindings.map((b) => withoutFields(b)),
    // A session only as device and time: its token hash never leaves the server.
    login_sessions: sessions.map((s) => withoutFields(s, 'tokenHash')),
    family_links: links.map((l) => {
      const other = l.proxyId === userId ? l.principalId : l.proxyId
      return { ...withoutFields(l), otherName: maskedName(others.get(other) ?? '') }
    }),
    messages: messages.map((m) => withoutFields(m)),
    attempts: attempts.map((a) => withoutFields(a)),
    pii_access_log: accesses.map((a) => withoutFields(a)),
    photos: photos.map((p) => withoutFields(p)),
    reminders_sent: reminders.map((r) => withoutFields(r)),
    message_settings: settings ? [withoutFields(settings)] : [],
    ratings: ratings.map((r) => withoutFields(r)),
    subscriptions: subscriptions.map((x) => withoutFields(x)),
    outbox: outbox.map((o) => withoutFields(o)),
    proxy_acts: [...actsForMe, ...actsByMe.filter((a) => a.principalId !== userId)].map((a) => withoutFields(a)),
  }
  const familyLine = links
    .map(
      (l) =>
        `${l.proxyId === userId ? `代 ${maskedName(others.get(l.principalId) ?? '')} 办理` : `${maskedName(others.get(l.proxyId) ?? '')} 代我办理`}（${l.status}）`,
    )
    .join('；')
  const summary: ExportSummaryDto = {
    service: '账号与消息',
    lines: [
      `姓名：${displayName(user)}`,
      `身份证号码：${user.idNumber ?? '未实名'}`,
      `手机号码：${user.phone ?? '未登记'}`,
      `所在社区：${community?.name ?? ''}`,
      `隐私说明：${user.privacyAcceptedAt ? `已于 ${formatDateCn(beijingDate(user.privacyAcceptedAt))} 同意` : '未同意'}`,
      `绑定房屋：${roomLines.join('；') || '无'}`,
      `亲友代办：${familyLine || '无'}`,
      `网格员代办记录：${actsForMe.map((a) => actLine(`网格员 ${actNames.get(a.workerId) ?? ''}`, a)).join('；') || '无'}`,
      ...(user.role === 'worker'
        ? [
            `我的代办记录：${actsByMe.map((a) => actLine(`为 ${actNames.get(a.principalId) ?? ''}`, a)).join('；') || '无'}`,
          ]
        : []),
      `登录设备：${sessions.length} 个`,
      `消息：${messages.length} 条（未读 ${messages.filter((m) => !m.readAt).length} 条）`,
      `上传的照片：${photos.length} 张`,
      subscriptionLine(subscriptions, outbox.length),
      `窗口预约与课程评价：${ratings.length} 条（差评回访 ${ratings.filter((r) => r.followUpStatus !== 'none').length} 次）`,
      ...accessLines(accesses),
    ],
  }
  return { user, tables, summary }
}

/**
 * The export's line on WeChat subscribe messages: per template, the acceptances not yet used and the
 * last choice, and how many subscribe messages were queued ("微信订阅消息：办理进度通知 还可发送 2 条（允许）；…").
 */
function subscriptionLine(subs: readonly Subscription[], queued: number): string {
  if (!subs.length) return '微信订阅消息：未订阅'
  const answers: Record<string, string> = { accept: '允许', reject: '拒绝', ban: '总是拒绝' }
  const parts = subs.map(
    (s) =>
      `${TEMPLATE_LABELS[s.template as TemplateKey] ?? s.template} 还可发送 ${s.accepted} 条（${answers[s.answer] ?? s.answer}）`,
  )
  return `微信订阅消息：${parts.join('；')}；已发出或待发 ${queued} 条`
}

/**
 * The export's section on who opened the person's applications and photos (PIPL art. 45): a heading,
 * then one line per opening, oldest first ("2026年3月2日（周一） 10:05 社区工作人员 赵敏 查看了 爱心卡申请").
 */
function accessLines(log: readonly PiiAccess[]): string[] {
  if (!log.length) return ['工作人员查看记录：无']
  return [
    `工作人员查看记录（共 ${log.length} 次）：`,
    ...log.map(
      (a) => `${formatDateCn(beijingDate(a.at))} ${a.at.slice(11, 16)} 社区工作人员 ${a.workerName} 查看了 ${a.what}`,
    ),
  ]
}

/** The whole export of `userId`: the core's part, then each feature's, with the summary as plain text. */
export async function exportOf(
  ctx: RouteContext,
  userId: string,
  features: readonly ExportProvider[],
): Promise<MyDataExportDto> {
  const own = await coreExport(ctx, userId)
  const tables = { ...own.tables }
  const summary = [own.summary]
  for (const provider of features) {
    const part = await provider(ctx, userId)
    Object.assign(tables, part.tables)
    summary.push(part.summary)
  }
  const text = [
    `现代社区 个人数据导出 · ${formatDateCn(beijingDate(ctx.nowIso))}`,
    ...summary.flatMap((s) => [`【${s.service}】`, ...s.lines]),
  ].join('\n')
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: ctx.nowIso,
    userId,
    idNumberMasked: own.user.idNumber ? maskResidentId(own.user.idNumber) : null,
    tables,
    summary,
    text,
  }
}
