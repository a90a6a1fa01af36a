/** The person's care-card records for their data export: applications, card, ledger, orders, call-backs. */
import type { ExportProvider } from '@/backend/core/router'
import { withoutFields } from '@/backend/routes/export'
import { balanceFen } from '@/domain/care-card/ledger'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import type { CareOrder } from './model'

/**
 * Applications (as applicant), the card without its payment-code secret, its ledger rows, every order
 * (with rating and dispute) and the call-back tasks about them.
 */
export const careCardExport: ExportProvider = async (ctx, userId) => {
  const repo = ctx.tx.careCard
  const applications = await repo.applicationsOf(userId)
  const card = await repo.cardOf(userId)
  const ledger = card ? await repo.ledgerRowsOf(card.id) : []
  const orders: CareOrder[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await repo.ordersOf(userId, { offset, limit: 100 })
    orders.push(...page)
    if (page.length < 100) break
  }
  const tasks = await repo.tasksOfHolder(userId)
  const rated = orders.filter((o) => o.rating)
  return {
    tables: {
      care_applications: applications.map((a) => withoutFields(a)),
      care_cards: card ? [withoutFields(card, 'codeSecret', 'codeUsedWindow')] : [],
      care_ledger_entries: ledger.map((r) => withoutFields(r)),
      care_orders: orders.map((o) => withoutFields(o)),
      care_tasks: tasks.map((t) => withoutFields(t)),
    },
    summary: {
      service: '爱心卡',
      lines: [
        `申请：${applications.length} 次`,
        card
          ? `爱心卡：已开通（${formatDateCn(card.activeFrom)} 起），余额 ${formatFen(balanceFen(await repo.ledgerOf(card.id)))}`
          : '爱心卡：未开通',
        `服务预约：${orders.length} 次（已完成 ${orders.filter((o) => o.deliveredAt).length} 次，已评价 ${rated.length} 次）`,
        `差评回访：${tasks.length} 次`,
      ],
    },
  }
}
