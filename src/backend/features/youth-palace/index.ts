/**
 * The Doorstep youth palace feature module (家门口青少年宫, domain.md §2): children profiles, terms and
 * courses, applications with lotteries and FIFO waitlists, mock WeChat Pay, attendance and no-shows.
 * Registered with the core in `src/backend/index.ts`.
 */
import { youthPalaceExport } from './export'
import type { Feature, V2Collections } from '@/backend/core/feature'
import { YouthPalaceRepository } from './repository'
import { youthPalaceRoutes } from './routes'
import { seedYouthPalace } from './seed'
import {
  attendanceTable,
  childrenTable,
  coursesTable,
  enrollmentsTable,
  lotteriesTable,
  noShowsTable,
  paymentsTable,
  termsTable,
  YOUTH_PALACE_TABLES,
} from './tables'
import { youthPalaceReminders } from './reminders'
import { youthPalaceTodos } from './todos'
import { youthPalaceWorkerCounts } from './worker-counts'
import { withdrawYouthPalaceOf } from './withdraw'

const values = <T>(x: unknown): T[] => Object.values((x ?? {}) as Record<string, T>)

export const youthPalaceFeature: Feature<'youthPalace'> = {
  name: 'youthPalace',
  tables: YOUTH_PALACE_TABLES,
  repository: (tables) => new YouthPalaceRepository(tables),
  routes: youthPalaceRoutes,
  seed: (core, nowIso) => seedYouthPalace(core, nowIso),
  /** v2 kept one collection per entity, keyed by id (lotteries by course id); the records are the rows. */
  fromV2: (old: V2Collections) => ({
    [termsTable.name]: values(old.ypTerms),
    [coursesTable.name]: values(old.ypCourses),
    [childrenTable.name]: values(old.ypChildren),
    [enrollmentsTable.name]: values(old.ypEnrollments),
    [paymentsTable.name]: values(old.ypPayments),
    [lotteriesTable.name]: values(old.ypLotteries),
    [attendanceTable.name]: values(old.ypAttendance),
    [noShowsTable.name]: values(old.ypNoShows),
  }),
  onAccountDeleted: withdrawYouthPalaceOf,
  todos: youthPalaceTodos,
  reminders: youthPalaceReminders,
  exportOf: youthPalaceExport,
  notPersonal: {
    yp_terms: '学期安排，公开信息',
    yp_courses: '课程目录，公开信息',
    yp_lotteries: '公开的抽签结果（人人可核对）；孩子的名次在 yp_enrollments',
    yp_session_cancellations: '停课记录，属于课程，不属于个人',
  },
  workerCounts: youthPalaceWorkerCounts,
  /**
   * Children's profiles (deleted ones too) and their hardship proof photos are personal data of minors:
   * erased with the parent's account. Enrollments, payments and no-shows stay under the now anonymous
   * user id (rosters, refunds and the published draws rely on them).
   */
  erase: async (ctx, userId) => {
    for (const child of await ctx.tx.youthPalace.allChildrenOf(userId)) {
      if (child.hardshipProofImageId) await ctx.tx.core.removeImage(child.hardshipProofImageId)
      await ctx.tx.youthPalace.children.remove(child.id)
    }
  },
}
