/**
 * Seed of the care card: the service providers of both communities (catalog.ts), and one active card in
 * 西山社区 for 马建华 (u-xs0, born 1955, registered 低保 → 300 yuan a month) with some ledger history: a
 * meal delivered yesterday and rated, and a meal booked for tomorrow (held). 王秀英 (u-wang) has no card,
 * so the journey "the daughter applies for her mother" can run. Dates are relative to `nowIso`.
 */
import { chargeHold, holdCredit, issueDue, type CareLedger } from '@/domain/care-card/ledger'
import { parseResidentId } from '@/domain/shared/residentId'
import { addDays, beijingDate } from '@/domain/shared/time'
import { addWorkingDays } from '@/domain/shared/workingDays'
import type { Rows } from '@/backend/core/data/store'
import type { CoreSeed } from '@/backend/seed'
import { catalogRows, PROVIDERS, slotStart } from './catalog'
import type { CareAct, CareApplication, CareCardRecord, CareOrder } from './model'
import { ledgerRowOf } from './repository'
import { applicationsTable, cardsTable, ledgerTable, ordersTable } from './tables'

const HOLDER = 'u-xs0'
const WORKER = 'u-sun'

/** `YYYY-MM-01` of `date`'s month shifted by `delta` months. */
function monthStart(date: string, delta: number): string {
  const [y, m] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

const at = (date: string, time: string) => `${date}T${time}:00+08:00`

/** Seed rows of the careCard feature; `core` is the already-built core seed (people, rooms…). */
export function seedCareCard(core: CoreSeed, nowIso: string): Rows {
  const catalog = catalogRows(PROVIDERS)
  const holder = core.users[HOLDER]
  const worker = core.users[WORKER]
  if (!holder?.realName || !holder.idNumber || !worker?.realName) return catalog

  const today = beijingDate(nowIso)
  const yearStart = `${today.slice(0, 4)}-01-01`
  const twoBack = monthStart(today, -2)
  const activeFrom = twoBack > yearStart ? twoBack : yearStart
  const applied = addDays(monthStart(activeFrom, -1), 9)
  const communityDue = addWorkingDays(applied, 5)
  const communityDone = addWorkingDays(applied, 2)
  const streetDone = addWorkingDays(communityDone, 3)
  const birthDate = parseResidentId(holder.idNumber, today).birthDate
  const groups: CareCardRecord['groups'] = ['subsistence']
  const name = holder.realName
  const workerName = worker.realName

  const app: CareApplication = {
    id: 'ca-seed-xs0',
    applicantId: HOLDER,
    communityId: holder.communityId,
    groups,
    proofs: [],
    status: 'approved',
    cycle: 1,
    monthlyCreditFen: 30000,
    tierReason: '年满 60 周岁且为低保、低边或特困对象，每月 300 元',
    submittedAt: at(applied, '09:30'),
    communityDueDate: communityDue,
    streetDueDate: addWorkingDays(communityDone, 5),
    activeFrom,
    cardId: 'cc-seed-xs0',
    createdAt: at(applied, '09:30'),
    acts: [
      {
        kind: 'submitted',
        at: at(applied, '09:30'),
        actorId: HOLDER,
        actorName: name,
        role: 'applicant',
        cycle: 1,
        note: '申报：低保（纸质材料已在社区窗口核验）',
      },
      {
        kind: 'community_approved',
        at: at(communityDone, '15:00'),
        actorId: WORKER,
        actorName: workerName,
        role: 'worker',
        stage: 'community',
        cycle: 1,
      },
      {
        kind: 'street_approved',
        at: at(streetDone, '10:00'),
        actorId: WORKER,
        actorName: workerName,
        role: 'worker',
        stage: 'street',
        cycle: 1,
        note: '街道审核（由社区工作人员录入）',
      },
    ],
  }
  const card: CareCardRecord = {
    id: 'cc-seed-xs0',
    holderId: HOLDER,
    communityId: holder.communityId,
    applicationId: app.id,
    birthDate,
    groups,
    activeFrom,
    codeSecret: 'seed-xs0-code',
    createdAt: at(streetDone, '10:00'),
  }

  const orders: CareOrder[] = []
  const lunch = PROVIDERS.find((p) => p.id === 'cp-xs-canteen')!
  const price = lunch.services[0].priceFen
  const yesterday = addDays(today, -1)
  let ledger: CareLedger = []
  const issueTo = (asOf: string) => {
    ledger = issueDue(ledger, { activeFrom, asOf, birthDate, groups })
  }
  if (yesterday >= activeFrom) {
    // A lunch delivered yesterday, confirmed with 5 stars.
    issueTo(yesterday)
    const id = 'co-seed-1'
    ledger = holdCredit(ledger, {
      orderId: id,
      amountFen: price,
      at: at(yesterday, '08:00'),
      note: `预约助餐：${lunch.services[0].name}（${lunch.name}）`,
    })
    ledger = chargeHold(ledger, { orderId: id, amountFen: price, at: at(yesterday, '12:00') })
    const acts: CareAct[] = [
      { kind: 'booked', at: at(yesterday, '08:00'), actorId: HOLDER, actorName: name, role: 'applicant' },
      { kind: 'delivered', at: at(yesterday, '12:00'), actorId: WORKER, actorName: workerName, role: 'worker' },
      {
        kind: 'rated',
        at: at(yesterday, '13:00'),
        actorId: HOLDER,
        actorName: name,
        role: 'applicant',
        note: '5 星：饭菜热乎，送得准时',
      },
    ]
    orders.push({
      id,
      cardId: card.id,
      holderId: HOLDER,
      communityId: holder.communityId,
      providerId: lunch.id,
      serviceId: lunch.services[0].id,
      priceFen: price,
      slotId: `${lunch.services[0].id}@${yesterday}T11:00`,
      startAt: slotStart(yesterday, '11:00'),
      status: 'rated',
      createdAt: at(yesterday, '08:00'),
      deliveredAt: at(yesterday, '12:00'),
      deliveredById: WORKER,
      rating: { stars: 5, comment: '饭菜热乎，送得准时', at: at(yesterday, '13:00') },
      acts,
    })
  }
  issueTo(nowIso)
  // A lunch booked for tomorrow (held) — only while tomorrow is in the same credit year.
  const tomorrow = addDays(today, 1)
  if (tomorrow.slice(0, 4) === today.slice(0, 4)) {
    const id = 'co-seed-2'
    ledger = holdCredit(ledger, {
      orderId: id,
      amountFen: price,
      at: nowIso,
      note: `预约助餐：${lunch.services[0].name}（${lunch.name}）`,
    })
    orders.push({
      id,
      cardId: card.id,
      holderId: HOLDER,
      communityId: holder.communityId,
      providerId: lunch.id,
      serviceId: lunch.services[0].id,
      priceFen: price,
      slotId: `${lunch.services[0].id}@${tomorrow}T11:00`,
      startAt: slotStart(tomorrow, '11:00'),
      status: 'booked',
      createdAt: nowIso,
      acts: [{ kind: 'booked', at: nowIso, actorId: HOLDER, actorName: name, role: 'applicant' }],
    })
  }
  return {
    ...catalog,
    [applicationsTable.name]: [app],
    [cardsTable.name]: [card],
    [ledgerTable.name]: ledger.map((e, seq) => ledgerRowOf(card.id, seq, e)),
    [ordersTable.name]: orders,
  }
}
