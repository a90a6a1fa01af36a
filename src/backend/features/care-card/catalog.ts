/**
 * Service providers and their time slots (domain.md §1 PRODUCT use: book a service from a provider at
 * its listed price). Slots are not stored: each service lists daily start times and a capacity, and the
 * bookable slots are the next 7 days' (from mock now); a slot's bookings are the orders naming it.
 */
import type { CareServiceDto, CareSlotDto } from '@/domain/care-card/contracts'
import { addDays, beijingDate, beijingIso } from '@/domain/shared/time'
import type { Rows } from '@/backend/core/data/store'
import type { RouteContext } from '@/backend/core/router'
import { CARE_SERVICE_KIND_LABELS } from '@/domain/care-card/kinds'
import type { CareProvider, CareService } from './model'
import { providersTable, servicesTable } from './tables'

/** How many days ahead slots are offered (today's later slots included). */
export const SLOT_DAYS = 7
/** A slot must start at least this long after booking (ms). */
export const BOOKING_LEAD_MS = 60 * 60_000

/** A service as listed in a catalog (or in v2's providers): without its provider and place. */
type ListedService = Omit<CareService, 'providerId' | 'rank'>
/** A provider with its services, as listed in a catalog (and as v2 stored them). */
export type ListedProvider = Omit<CareProvider, 'rank'> & { services: ListedService[] }

const svc = (
  id: string,
  kind: CareService['kind'],
  name: string,
  priceFen: number,
  unit: string,
  durationMinutes: number,
  slotTimes: string[],
  capacity: number,
): ListedService => ({ id, kind, name, priceFen, unit, durationMinutes, slotTimes, capacity })

/** Seeded providers of 总浦桥社区 (宁波镇海 招宝山街道) and 西山社区 (海宁 硖石街道), at least one per kind each. */
export const PROVIDERS: ListedProvider[] = [
  {
    id: 'cp-zpq-canteen',
    communityId: 'c-zpq',
    name: '招宝山街道总浦桥老年食堂',
    phone: '0574-86271001',
    address: '镇海区总浦桥社区服务中心一楼',
    services: [
      svc('cs-zpq-lunch', 'meal', '午餐（两荤一素一汤）', 1200, '份', 60, ['11:00'], 20),
      svc('cs-zpq-supper', 'meal', '晚餐送餐上门', 1500, '份', 60, ['17:00'], 10),
    ],
  },
  {
    id: 'cp-zpq-yikang',
    communityId: 'c-zpq',
    name: '镇海颐康居家养老服务中心',
    phone: '0574-86271002',
    address: '镇海区车站路 88 号',
    services: [
      svc('cs-zpq-bath', 'bath', '上门助浴（含移动浴缸）', 6000, '次', 90, ['09:00', '14:00'], 2),
      svc('cs-zpq-clean', 'clean', '居家保洁', 5000, '2小时', 120, ['09:00', '14:00'], 3),
      svc('cs-zpq-walk', 'walk', '陪同外出散步、购物', 3000, '小时', 60, ['09:30', '15:00'], 3),
    ],
  },
  {
    id: 'cp-zpq-peizhen',
    communityId: 'c-zpq',
    name: '甬安陪诊与应急服务站',
    phone: '0574-86271003',
    address: '镇海区总浦桥社区 5幢 102',
    services: [
      svc('cs-zpq-medical', 'medical', '陪同就医（半天，含挂号取药）', 8000, '次', 240, ['07:30', '13:00'], 2),
      svc('cs-zpq-emergency', 'emergency', '紧急呼叫器上门安装调试', 3000, '次', 60, ['10:00', '15:30'], 4),
    ],
  },
  {
    id: 'cp-xs-canteen',
    communityId: 'c-xs',
    name: '硖石街道西山社区长者食堂',
    phone: '0573-87221001',
    address: '海宁市西山社区邻里中心一楼',
    services: [svc('cs-xs-lunch', 'meal', '午餐（两荤两素）', 1000, '份', 60, ['11:00', '17:00'], 20)],
  },
  {
    id: 'cp-xs-kangle',
    communityId: 'c-xs',
    name: '海宁康乐居家养老服务中心',
    phone: '0573-87221002',
    address: '海宁市西山路 126 号',
    services: [
      svc('cs-xs-bath', 'bath', '上门助浴', 5500, '次', 90, ['09:00', '14:00'], 2),
      svc('cs-xs-clean', 'clean', '居家保洁', 4500, '2小时', 120, ['09:00', '14:00'], 3),
      svc('cs-xs-walk', 'walk', '陪同外出', 2500, '小时', 60, ['09:30', '15:00'], 3),
    ],
  },
  {
    id: 'cp-xs-peizhen',
    communityId: 'c-xs',
    name: '潮城陪诊应急服务社',
    phone: '0573-87221003',
    address: '海宁市西山社区 2幢 101',
    services: [
      svc('cs-xs-medical', 'medical', '陪同就医（半天）', 7000, '次', 240, ['07:30', '13:00'], 2),
      svc('cs-xs-emergency', 'emergency', '紧急呼叫器上门安装调试', 3000, '次', 60, ['10:00'], 4),
    ],
  },
]

/** Provider and service rows of listed providers, in list order (`rank`), as copies. */
export function catalogRows(providers: readonly ListedProvider[]): Rows {
  const services: CareService[] = []
  const rows: CareProvider[] = providers.map(({ services: listed, ...p }, rank) => {
    listed.forEach((s, i) => services.push({ ...s, providerId: p.id, rank: i, slotTimes: [...s.slotTimes] }))
    return { ...p, rank }
  })
  return { [providersTable.name]: rows, [servicesTable.name]: services }
}

/** A service and its provider by service id, or undefined. */
export async function findService(
  ctx: RouteContext,
  serviceId: string,
  lock = false,
): Promise<{ provider: CareProvider; service: CareService } | undefined> {
  const service = await ctx.tx.careCard.services.get(serviceId, { lock })
  const provider = service && (await ctx.tx.careCard.providers.get(service.providerId))
  return service && provider ? { provider, service } : undefined
}

/** A service on the wire. */
export function serviceDto(p: CareProvider, s: CareService): CareServiceDto {
  return {
    id: s.id,
    providerId: p.id,
    providerName: p.name,
    providerPhone: p.phone,
    address: p.address,
    kind: s.kind,
    kindLabel: CARE_SERVICE_KIND_LABELS[s.kind],
    name: s.name,
    priceFen: s.priceFen,
    unit: s.unit,
    durationMinutes: s.durationMinutes,
    capacityPerSlot: s.capacity,
  }
}

/** `<serviceId>@YYYY-MM-DDTHH:mm` → its parts, or null. */
export function parseSlotId(slotId: string): { serviceId: string; date: string; time: string } | null {
  const m = /^([\w-]+)@(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(slotId)
  return m ? { serviceId: m[1], date: m[2], time: m[3] } : null
}

/** Start instant (ISO, +08:00) of a slot on `date` at `time` (Beijing). */
export const slotStart = (date: string, time: string) => `${date}T${time}:00+08:00`

/** The bookable slots of a service from now (mock) over the next `SLOT_DAYS` days, with places left. */
export async function slotsOf(ctx: RouteContext, service: CareService, nowMs: number): Promise<CareSlotDto[]> {
  const today = beijingDate(nowMs)
  const taken = new Map<string, number>()
  for (const o of await ctx.tx.careCard.placesTakenBetween(
    service.id,
    slotStart(today, '00:00'),
    slotStart(addDays(today, SLOT_DAYS), '23:59'),
  )) {
    taken.set(o.slotId, (taken.get(o.slotId) ?? 0) + 1)
  }
  const out: CareSlotDto[] = []
  for (let i = 0; i <= SLOT_DAYS; i++) {
    const date = addDays(today, i)
    for (const time of service.slotTimes) {
      const startAt = slotStart(date, time)
      if (Date.parse(startAt) < nowMs + BOOKING_LEAD_MS) continue
      const id = `${service.id}@${date}T${time}`
      const remaining = Math.max(0, service.capacity - (taken.get(id) ?? 0))
      const endAt = beijingIso(Date.parse(startAt) + service.durationMinutes * 60_000)
      out.push({
        id,
        serviceId: service.id,
        startAt,
        endAt,
        capacity: service.capacity,
        remaining,
        full: remaining === 0,
      })
    }
  }
  return out
}
