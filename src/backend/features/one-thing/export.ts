/** The person's "one thing" records for their data export: saved progress and window appointments. */
import type { ExportProvider } from '@/backend/core/router'
import { withoutFields } from '@/backend/routes/export'
import { formatDateCn } from '@/domain/shared/time'

/** Progress (answers, ticks, deadlines) and appointments, oldest first as stored. */
export const oneThingExport: ExportProvider = async (ctx, userId) => {
  const progress = await ctx.tx.oneThing.progressOf(userId)
  const appointments = await ctx.tx.oneThing.appointmentsOf(userId)
  const booked = appointments.filter((a) => a.status === 'booked')
  return {
    tables: {
      one_thing_progress: progress.map((p) => withoutFields(p)),
      one_thing_appointments: appointments.map((a) => withoutFields(a)),
    },
    summary: {
      service: '一件事',
      lines: [
        `办事进度：${progress.length} 件`,
        `窗口预约：${appointments.length} 次（有效 ${booked.length} 次）`,
        ...booked.map((a) => `${a.eventName}：${formatDateCn(a.date)} ${a.slot}`),
      ],
    },
  }
}
