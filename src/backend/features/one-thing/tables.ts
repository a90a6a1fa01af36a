/** Tables of the "one thing" feature. */
import { table } from '@/backend/core/data/spec'
import type { OneThingAppointment, OneThingProgress, ServiceHall } from './model'

export const hallsTable = table<ServiceHall>({
  name: 'one_thing_halls',
  key: 'id',
  columns: {
    id: 'text',
    rank: 'integer',
    name: 'text',
    city: 'text',
    district: 'text',
    address: 'text',
    phone: 'text',
    windows: 'jsonb',
    communityIds: 'jsonb',
    slots: 'jsonb',
    capacityPerSlot: 'integer',
  },
  lookups: [],
})

export const progressTable = table<OneThingProgress>({
  name: 'one_thing_progress',
  key: 'id',
  columns: {
    id: 'text',
    userId: 'text',
    eventId: 'text',
    answers: 'jsonb',
    ticked: 'jsonb',
    deadlines: 'jsonb',
    reminded: 'jsonb',
    version: 'integer',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
    proxyId: 'text',
  },
  lookups: [['userId']],
})

export const appointmentsTable = table<OneThingAppointment>({
  name: 'one_thing_appointments',
  key: 'id',
  columns: {
    id: 'text',
    userId: 'text',
    eventId: 'text',
    eventName: 'text',
    hallId: 'text',
    date: 'date',
    slot: 'text',
    status: 'text',
    bookedAt: 'timestamptz',
    changedAt: 'timestamptz',
    cancelledAt: 'timestamptz',
    proxyId: 'text',
    doneAt: 'timestamptz',
    doneBy: 'text',
  },
  lookups: [['userId'], ['hallId', 'status', 'date', 'slot']],
})

/** The feature's tables, referenced tables first. */
export const ONE_THING_TABLES = [hallsTable, progressTable, appointmentsTable] as const
