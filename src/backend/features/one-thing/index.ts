/**
 * The "one thing" feature module (一件事, domain.md §4): saved progress with deadline reminders and
 * window appointments at service halls. Registered with the core in `src/backend/index.ts`.
 */
import { oneThingExport } from './export'
import { oneThingReminders } from './reminders'
import { oneThingTodos } from './todos'
import { oneThingWorkerCounts } from './worker-routes'
import type { Feature, V2Collections } from '@/backend/core/feature'
import type { OneThingAppointment, OneThingProgress, ServiceHall } from './model'
import { OneThingRepository } from './repository'
import { oneThingRoutes } from './routes'
import { seedOneThing } from './seed'
import { appointmentsTable, hallsTable, ONE_THING_TABLES, progressTable } from './tables'

const values = <T>(x: unknown): T[] => Object.values((x ?? {}) as Record<string, T>)

export const oneThingFeature: Feature<'oneThing'> = {
  name: 'oneThing',
  tables: ONE_THING_TABLES,
  repository: (tables) => new OneThingRepository(tables),
  routes: oneThingRoutes,
  todos: oneThingTodos,
  reminders: oneThingReminders,
  exportOf: oneThingExport,
  notPersonal: { one_thing_halls: '办事大厅名录，公开信息' },
  workerCounts: oneThingWorkerCounts,
  seed: () => seedOneThing(),
  fromV2: (old: V2Collections) => ({
    [hallsTable.name]: values<Omit<ServiceHall, 'rank'>>(old.oneThingHalls).map((h, rank) => ({ ...h, rank })),
    [progressTable.name]: Object.entries(
      (old.oneThingProgress ?? {}) as Record<string, Omit<OneThingProgress, 'id'>>,
    ).map(([id, p]) => ({ ...p, id })),
    [appointmentsTable.name]: values<OneThingAppointment>(old.oneThingAppointments),
  }),
  /** Progress and window appointments are personal: erased with the account (the slot is freed). */
  erase: async (ctx, userId) => {
    for (const p of await ctx.tx.oneThing.progressOf(userId)) await ctx.tx.oneThing.progress.remove(p.id)
    for (const a of await ctx.tx.oneThing.appointmentsOf(userId)) await ctx.tx.oneThing.appointments.remove(a.id)
  },
}
