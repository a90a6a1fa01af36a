/**
 * Stored records of the "one thing" feature (一件事, domain.md §4): service halls (seeded),
 * saved progress per user and life event, and window appointments. The backend never reads the
 * content (life events live in the one-thing subpackage): it stores the event, question and item ids
 * it receives. Instants are ISO strings with +08:00; dates `YYYY-MM-DD`; times `HH:mm`, Beijing.
 */

import type { ServiceHallPlace } from '@/domain/one-thing/contracts'

/** A time slot of a hall's day, `HH:mm` Beijing; `start` is the slot's id within the day. */
export interface HallSlot {
  start: string
  end: string
}

/** A service hall taking window appointments (PRODUCT: slots and capacity are per hall). */
export interface ServiceHall extends ServiceHallPlace {
  /** Position in the list of halls (the district centre first). */
  rank: number
  /** Communities the hall serves (listed first for their residents). */
  communityIds: string[]
  /** The day's slots in order; the gap between them is the lunch break. */
  slots: HallSlot[]
  /** Appointments per slot. */
  capacityPerSlot: number
}

/** A deadline the client sent, with when its reminder message went out. */
export interface StoredDeadline {
  label: string
  dueDate: string
  source?: string
  remindedAt: string
}

/**
 * One user's progress on one life event; `id` is `${userId}:${eventId}`. `reminded` keeps the
 * `${dueDate}|${label}` keys already messaged (newest last, at most 20) so a reminder goes out once.
 */
export interface OneThingProgress {
  id: string
  userId: string
  eventId: string
  answers: Record<string, string>
  ticked: string[]
  deadlines: StoredDeadline[]
  reminded: string[]
  version: number
  createdAt: string
  updatedAt: string
  /** The family proxy who made the last save, when not the user. */
  proxyId?: string
}

/** A window appointment. Active while `status` is `booked` and the slot has not ended. */
export interface OneThingAppointment {
  id: string
  userId: string
  eventId: string
  eventName?: string
  hallId: string
  date: string
  /** The slot's start, `HH:mm`. */
  slot: string
  status: 'booked' | 'cancelled'
  bookedAt: string
  changedAt?: string
  cancelledAt?: string
  /** The family proxy who booked or last changed/cancelled it, when not the user. */
  proxyId?: string
  /** When a community worker marked it 已办结 at the window (it stays `booked`), and who. */
  doneAt?: string
  doneBy?: string
}
