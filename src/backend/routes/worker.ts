/**
 * The core's worker routes: room verification (a tenant's or family member's binding checked against
 * the property register by a worker of the room's community; the resident is told) and the worker hub's
 * counts of what waits in each service (the core's own and each feature's `workerCounts`).
 */
import * as v from 'valibot'
import { href } from '@/domain/routes'
import type { WorkerHubCountDto, WorkerRoomBindingDto } from '@/domain/shared/contracts'
import { maskName, maskResidentId } from '@/domain/shared/residentId'
import { conflict, notFound, unprocessable } from '../core/http'
import { route, type Route, type RouteContext, type WorkerCountProvider } from '../core/router'
import type { RoomBinding } from '../model'
import type { CoreRepository } from '../repository'
import { bindingStatus, displayName, displayNames } from './views'

const ROLE_CN = { owner: '业主', tenant: '租户', family: '家属' } as const

const maskPhone = (p: string | undefined) => (p && p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : null)

/** The pending bindings of rooms in `communityId`, oldest first. */
async function pendingOfCommunity(core: CoreRepository, communityId: string): Promise<RoomBinding[]> {
  const pending = await core.pendingBindings()
  const rooms = await Promise.all(pending.map((b) => core.rooms.get(b.roomId)))
  return pending.filter((_b, i) => rooms[i]?.communityId === communityId)
}

/** A binding for the worker, beside the property register's record of the room. */
async function workerBindingDto(core: CoreRepository, b: RoomBinding): Promise<WorkerRoomBindingDto> {
  const [resident, record, others] = await Promise.all([
    core.users.get(b.userId),
    core.propertyRegister.get(b.roomId),
    core.bindingsOfRoom(b.roomId),
  ])
  const owner = record ? await core.populationRegister.get(record.ownerIdNumber) : undefined
  const verified = others.filter((o) => o.verified && o.id !== b.id)
  const names = await displayNames(
    core,
    verified.map((o) => o.userId),
  )
  return {
    id: b.id,
    roomLabel: await core.roomLabel(b.roomId),
    role: b.role,
    resident: {
      name: displayName(resident),
      idNumberMasked: resident?.idNumber ? maskResidentId(resident.idNumber) : null,
      phoneMasked: maskPhone(resident?.phone),
    },
    boundAt: b.boundAt,
    status: bindingStatus(b),
    ...(b.rejectedReason ? { rejectedReason: b.rejectedReason } : {}),
    register: record
      ? {
          ownerName: owner ? maskName(owner.name) : '（人口登记中无此人）',
          ownerIdNumberMasked: maskResidentId(record.ownerIdNumber),
          area: Number(record.area),
        }
      : null,
    verifiedResidents: verified.map((o) => ({ name: maskName(names.get(o.userId)!), role: o.role })),
  }
}

/**
 * The core's count for the hub: room bindings to verify. (Proxy authorisations to check are listed on
 * the hub page itself.)
 */
async function coreCounts(ctx: RouteContext, communityId: string): Promise<WorkerHubCountDto[]> {
  return [
    {
      key: 'room-bindings',
      label: '待核实的房屋（租户、家属）',
      count: (await pendingOfCommunity(ctx.tx.core, communityId)).length,
      url: href.account.workerRooms(),
    },
  ]
}

const verifyInput = v.object({
  // Optional here, required in the handler: a binding of another community is 404 before any 4xx on the body.
  decision: v.optional(v.picklist(['approve', 'reject'], '请选择通过或不通过')),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '原因请控制在 200 字以内'))),
})

/**
 * Worker routes of the core. `counts`: the features' providers for the hub, after the core's own.
 * Workers act only in their own community: another community's binding is 404 (its existence is not told).
 */
export const workerRoutes = (counts: WorkerCountProvider[] = []): Route[] => [
  route({
    method: 'GET',
    path: '/api/worker/room-bindings',
    access: 'worker',
    input: v.object({ status: v.optional(v.picklist(['pending'], '筛选条件不正确')) }),
    /** The community's bindings waiting for verification, oldest first. */
    handler: async ({ tx, user }) => {
      const pending = await pendingOfCommunity(tx.core, user.communityId)
      return Promise.all(pending.map((b) => workerBindingDto(tx.core, b)))
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/room-bindings/:id/verify',
    access: 'worker',
    input: verifyInput,
    /**
     * Approves (`verified`: counts as a resident of the room, e.g. youth palace residents-only courses)
     * or rejects a waiting binding with a reason; the resident is told, with a link to 我的房屋.
     * @throws 422 `REASON_REQUIRED` (reject without a reason); 404 `NO_SUCH_BINDING` (none, or another
     *   community's); 409 `BINDING_DECIDED` (already verified or rejected)
     */
    handler: async (ctx) => {
      const { tx, body } = ctx
      const b = await tx.core.roomBindings.get(ctx.params.id, { lock: true })
      const room = b ? await tx.core.rooms.get(b.roomId) : undefined
      if (!b || room?.communityId !== ctx.user.communityId)
        throw notFound('没有找到这条房屋绑定，可能居民已经解除了绑定', 'NO_SUCH_BINDING')
      if (b.verified || b.decidedAt) {
        throw conflict(
          'BINDING_DECIDED',
          b.verified
            ? '这套房屋的绑定已经核实过了，不用再处理。'
            : '这条绑定已经核实为不通过，居民重新申请后会再出现在待核实中。',
        )
      }
      if (!body.decision)
        throw unprocessable('DECISION_REQUIRED', '请选择通过或不通过', { decision: '请选择通过或不通过' })
      const reason = body.reason ?? ''
      if (body.decision === 'reject' && !reason)
        throw unprocessable('REASON_REQUIRED', '请填写不通过的原因，居民会看到', { reason: '请填写不通过的原因' })
      const label = await tx.core.roomLabel(b.roomId)
      const decided = { decidedAt: ctx.nowIso, decidedBy: ctx.user.id }
      const updated =
        body.decision === 'approve'
          ? await tx.core.roomBindings.update(b.id, { ...decided, verified: true })
          : await tx.core.roomBindings.update(b.id, { ...decided, rejectedReason: reason })
      if (body.decision === 'approve') {
        await ctx.notify(
          b.userId,
          '房屋已核实',
          `社区已核实您在${label}的${ROLE_CN[b.role]}身份，可以以本户居民身份办理相关事务。`,
          href.account.rooms(),
        )
      } else {
        await ctx.notify(
          b.userId,
          '房屋核实未通过',
          `社区核实您在${label}的${ROLE_CN[b.role]}身份未通过：${reason}。您可以在“我的房屋”中重新申请，或联系社区。`,
          href.account.rooms(),
        )
      }
      return workerBindingDto(tx.core, updated)
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/hub',
    access: 'worker',
    /** What waits in each service for the caller's community (0 included), each with its page. */
    handler: async (ctx) => {
      const lists = [await coreCounts(ctx, ctx.user.communityId)]
      for (const provider of counts) lists.push(await provider(ctx, ctx.user.communityId))
      return lists.flat()
    },
  }),
]
