/** The person's youth-palace records for their data export: children, applications and what followed. */
import type { ExportProvider } from '@/backend/core/router'
import { withoutFields } from '@/backend/routes/export'

/**
 * Children (deleted profiles too), every enrollment (without its check-in salt), their payments (without
 * the payment nonce and prepay id), attendance marks, leaves and no-shows.
 */
export const youthPalaceExport: ExportProvider = async (ctx, userId) => {
  const repo = ctx.tx.youthPalace
  const children = await repo.allChildrenOf(userId)
  const enrollments = await repo.enrollmentsOfParent(userId)
  const payments = [],
    attendance = [],
    leaves = []
  for (const e of enrollments) {
    payments.push(...(await repo.paymentsOf(e.id)))
    attendance.push(...(await repo.attendanceOf(e.id)))
    leaves.push(...(await repo.leavesOf(e.id)))
  }
  const noShows = await repo.noShowsOf(userId)
  const courses = new Map(
    (await repo.coursesByIds([...new Set(enrollments.map((e) => e.courseId))])).map((c) => [c.id, c]),
  )
  const names = new Map(children.map((c) => [c.id, c.name]))
  const placed = enrollments.filter((e) => e.status === 'confirmed' || e.status === 'admitted')
  return {
    tables: {
      yp_children: children.map((c) => withoutFields(c)),
      yp_enrollments: enrollments.map((e) => withoutFields(e, 'checkinSalt')),
      yp_payments: payments.map((p) => withoutFields(p, 'nonceStr', 'prepayId')),
      yp_attendance: attendance.map((a) => withoutFields(a)),
      yp_leaves: leaves.map((l) => withoutFields(l)),
      yp_no_shows: noShows.map((n) => withoutFields(n)),
    },
    summary: {
      service: '青少年宫',
      lines: [
        `孩子：${children.filter((c) => !c.deletedAt).length} 个`,
        `报名：${enrollments.length} 次（在读或待确认 ${placed.length} 门）`,
        ...placed.map((e) => `${names.get(e.childId) ?? '孩子'}：${courses.get(e.courseId)?.name ?? '课程'}`),
        `缴费：${payments.filter((p) => p.status === 'paid').length} 笔；请假 ${leaves.length} 次；未到课 ${noShows.length} 次`,
      ],
    },
  }
}
