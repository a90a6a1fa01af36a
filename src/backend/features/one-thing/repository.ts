/** The "one thing" feature's data in one transaction: halls, saved progress, window appointments. */
import type { Table, Tables } from '@/backend/core/data/store'
import type { OneThingAppointment, OneThingProgress, ServiceHall } from './model'
import { appointmentsTable, hallsTable, progressTable } from './tables'

export class OneThingRepository {
  readonly halls: Table<ServiceHall>
  readonly progress: Table<OneThingProgress>
  readonly appointments: Table<OneThingAppointment>

  constructor(tables: Tables) {
    this.halls = tables.of(hallsTable)
    this.progress = tables.of(progressTable)
    this.appointments = tables.of(appointmentsTable)
  }

  /** Every service hall, in list order (`rank`). */
  allHalls(): Promise<ServiceHall[]> {
    return this.halls.find({ where: {}, order: [['rank', 'asc']] })
  }

  /** A user's saved progress on every event, most recently saved first. */
  progressOf(userId: string): Promise<OneThingProgress[]> {
    return this.progress.find({ where: { userId }, order: [['updatedAt', 'desc']] })
  }

  /** How many events a user has saved progress on. */
  progressCount(userId: string): Promise<number> {
    return this.progress.count({ userId })
  }

  /** A user's appointments, by date, slot and id. */
  appointmentsOf(userId: string): Promise<OneThingAppointment[]> {
    return this.appointments.find({
      where: { userId },
      order: [
        ['date', 'asc'],
        ['slot', 'asc'],
      ],
    })
  }

  /**
   * The booked (not cancelled) appointments of a hall from `from` to `to` (`YYYY-MM-DD`, inclusive),
   * by date and slot.
   */
  bookedInWindow(hallId: string, from: string, to: string): Promise<OneThingAppointment[]> {
    return this.appointments.find({
      where: { hallId, date: { gte: from, lte: to }, status: 'booked' },
      order: [
        ['date', 'asc'],
        ['slot', 'asc'],
      ],
    })
  }

  /** Every saved progress, by id (the reminder job reads their deadlines). */
  allProgress(): Promise<OneThingProgress[]> {
    return this.progress.find({ where: {}, order: [['id', 'asc']] })
  }

  /** The booked (not cancelled) appointments of some halls on one date (`YYYY-MM-DD`), by slot then hall. */
  bookedOnDay(hallIds: readonly string[], date: string): Promise<OneThingAppointment[]> {
    return this.appointments.find({
      where: { hallId: { in: hallIds }, status: 'booked', date },
      order: [
        ['slot', 'asc'],
        ['hallId', 'asc'],
      ],
    })
  }

  /** How many appointments are booked (not cancelled) in one slot of a hall on a date. */
  bookedInSlot(hallId: string, date: string, slot: string): Promise<number> {
    return this.appointments.count({ hallId, date, slot, status: 'booked' })
  }
}

declare module '../../core/router' {
  interface FeatureRepositories {
    oneThing: OneThingRepository
  }
}
