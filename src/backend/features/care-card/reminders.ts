/**
 * Care card reminders, to the elder and every family member with a confirmed link: the month's credit
 * arrived (domain.md §1: credit is issued on the 1st; told that day only), unused credit lapsing at
 * year end in 30 days, and a delivered service not rated after 2 days.
 */
import { href } from '@/domain/routes'
import { assessCareCardEligibility } from '@/domain/care-card/eligibility'
import { spendableFen } from '@/domain/care-card/ledger'
import { formatFen } from '@/domain/shared/money'
import { beijingDate } from '@/domain/shared/time'
import type { ReminderCandidate, ReminderProvider, ReminderScan } from '@/backend/core/reminders'

const DAY = 24 * 3600_000
const bj = (date: string, time = '09:00') => `${date}T${time}:00+08:00`

/** The holder and their confirmed proxies. */
async function partiesOf(scan: ReminderScan, holderId: string): Promise<string[]> {
  return [holderId, ...(await scan.tx.core.confirmedProxiesOf(holderId))]
}

/** `care-credit-arrived` (this month), `care-credit-lapsing` (December), `service-unrated` (after 2 days). */
export const careCardReminders: ReminderProvider = async (scan) => {
  const { tx, nowIso } = scan
  const today = beijingDate(nowIso)
  const month = today.slice(0, 7)
  const year = Number(today.slice(0, 4))
  const out: ReminderCandidate[] = []
  const add = async (holderId: string, r: Omit<ReminderCandidate, 'userId'>) => {
    for (const userId of await partiesOf(scan, holderId)) out.push({ ...r, userId })
  }
  for (const card of await tx.careCard.allCards()) {
    if (card.activeFrom > today) continue
    const credit = assessCareCardEligibility({ birthDate: card.birthDate, groups: card.groups }, today)
    const firstDay = card.activeFrom > `${month}-01` ? card.activeFrom : `${month}-01`
    if (credit.monthlyCreditFen > 0)
      await add(card.holderId, {
        kind: 'care-credit-arrived',
        ref: `${card.id}:${month}`,
        at: bj(firstDay),
        until: bj(firstDay, '21:00'),
        title: '爱心卡本月额度已到账',
        body: `本月额度 ${formatFen(credit.monthlyCreditFen)} 已到账。`,
        link: href.careCard.index(),
      })
    const left = spendableFen(await tx.careCard.ledgerOf(card.id), nowIso)
    if (left > 0)
      await add(card.holderId, {
        kind: 'care-credit-lapsing',
        ref: `${card.id}:${year}`,
        at: bj(`${year}-12-01`),
        until: bj(`${year}-12-31`, '21:00'),
        title: '爱心卡余额年底清零',
        body: `还有 ${formatFen(left)} 未用，12月31日后清零。`,
        link: href.careCard.services(),
      })
  }
  for (const c of await tx.core.allCommunities()) {
    for (const o of await tx.careCard.unratedOf(c.id)) {
      if (!o.deliveredAt) continue
      const at = Date.parse(o.deliveredAt) + 2 * DAY
      await add(o.holderId, {
        kind: 'service-unrated',
        ref: o.id,
        at: new Date(at).toISOString(),
        until: new Date(at + 5 * DAY).toISOString(),
        title: '服务还没有评价',
        body: '服务完成 2 天了，请评价；如有异议也可提出。',
        link: href.careCard.order({ id: o.id }),
      })
    }
  }
  return out
}
