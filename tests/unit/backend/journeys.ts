/**
 * Journeys shared by the backend suites: a sequence of requests as several people, each expected to
 * succeed (the caller's `ok` checks the status and returns the body).
 */
import { idNumberOf, type CallOptions, type Client } from './client'
import type { Method } from '@/backend/core/http'
import { photoOf } from './photos'

/** Calls as `userId` and returns the body; throws (or fails the test) on anything but 200. */
export type Ok = (userId: string, method: Method, url: string, opts?: CallOptions) => Promise<any>

/**
 * A busy day: a proxy link confirmed by the elder, a care-card application by the daughter reviewed
 * twice, a booking delivered and rated badly, a real-name binding, a child added and signed up, an
 * elevator petition opened and voted on (in the app, by proxy and on paper), one-thing progress with a
 * deadline reminder and a window appointment, a dispute whose reason holds a typed ID number.
 */
export async function busyDay(c: Client, ok: Ok): Promise<void> {
  const link = (
    await ok('u-li', 'POST', '/api/family-links', {
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
  ).id
  await ok('u-wang', 'POST', `/api/family-links/${link}/confirm`)
  const app = await ok('u-li', 'POST', '/api/care-card/applications', {
    actingFor: 'u-wang',
    body: { groups: [], proofs: [{ kind: 'household', photoId: await photoOf(ok, 'u-li', 'u-wang') }] },
  })
  await ok('u-zhao', 'POST', `/api/worker/care-card/applications/${app.id}/review`, {
    body: { stage: 'community', decision: 'approve' },
  })
  await ok('u-zhao', 'POST', `/api/worker/care-card/applications/${app.id}/review`, {
    body: { stage: 'street', decision: 'approve' },
  })
  // 陈晓东 binds his real name (the one request that carries his ID number) and signs up his son.
  await ok('u-chen', 'POST', '/api/me/privacy', { body: { accepted: true } })
  await ok('u-chen', 'POST', '/api/me/real-name', {
    body: { name: '陈晓东', idNumber: idNumberOf(c, 'u-chen') },
    key: 'rn-1',
  })
  await ok('u-chen', 'POST', '/api/youth-palace/children', {
    body: {
      name: '陈小明',
      birthDate: '2017-09-01',
      hardship: true,
      hardshipProofPhotoId: await photoOf(ok, 'u-chen'),
    },
  })
  await ok('u-chen', 'POST', '/api/youth-palace/applications', {
    body: { childId: 'ypk-chen-yue', courseId: 'ypc-calligraphy' },
  })
  await ok('u-chen', 'POST', '/api/youth-palace/applications', {
    body: { childId: 'ypk-chen-yue', courseId: 'ypc-pottery' },
  })
  // An elevator petition on 总浦桥 3幢1单元.
  const p = await ok('u-liu', 'POST', '/api/elevator/petitions', {
    body: {
      roomId: 'r-zpq-3-1-701',
      coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-zpq-3-1-602'],
      elevatorPosition: '单元南侧外墙，半层入户',
      budgetFen: 54_000_000,
      subsidiesFen: 20_000_000,
      yearlyMaintenanceFen: 1_500_000,
      votingDeadline: '2026-03-16T20:00:00+08:00',
    },
  })
  await ok('u-jiang', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
  await ok('u-zhou', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
  await ok('u-li', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
    actingFor: 'u-wang',
    body: { householdId: 'r-zpq-3-1-202', choice: 'agree', signature: { kind: 'typed-name', name: '王秀英' } },
  })
  await ok('u-zhou', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
    body: {
      householdId: 'r-zpq-3-1-501',
      choice: 'oppose',
      signature: { kind: 'handwritten', photoId: await photoOf(ok, 'u-zhou') },
    },
  })
  await ok('u-zhao', 'POST', `/api/elevator/worker/petitions/${p.id}/paper-ballots`, {
    body: { householdId: 'r-zpq-3-1-101', choice: 'agree', channel: 'door', photoId: await photoOf(ok, 'u-zhao') },
  })
  // One thing: a checklist with a deadline reminder, and a window appointment, by the daughter for her mother.
  await ok('u-li', 'PUT', '/api/one-thing/progress/after-death', {
    actingFor: 'u-wang',
    body: { answers: {}, ticked: [], deadlines: [{ label: '死亡户口注销', dueDate: '2026-03-20' }] },
  })
  await ok('u-li', 'POST', '/api/one-thing/appointments', {
    actingFor: 'u-wang',
    body: { eventId: 'after-death', hallId: 'hall-zh-district', date: '2026-03-03', slot: '09:00' },
  })
  await ok('u-chen', 'POST', '/api/one-thing/appointments', {
    body: { eventId: 'newborn', hallId: 'hall-zh-district', date: '2026-03-03', slot: '10:00' },
  })
  // 西山: tomorrow's lunch delivered, rated 1 star, disputed with an ID number typed into the reason.
  c.clock.set(Date.UTC(2026, 2, 3, 4, 0)) // 2026-03-03 12:00 Beijing
  await ok('u-sun', 'POST', '/api/worker/care-card/orders/co-seed-2/deliver')
  await ok('u-xs0', 'POST', '/api/care-card/orders/co-seed-2/rate', { body: { stars: 1, comment: '送晚了' } })
  await ok('u-xs0', 'POST', '/api/care-card/orders/co-seed-2/dispute', {
    body: { reason: `送餐晚了一小时，本人身份证 ${idNumberOf(c, 'u-xs0')}` },
  })
  await ok('u-chen', 'PUT', '/api/one-thing/progress/newborn', {
    body: {
      answers: {},
      ticked: [],
      deadlines: [{ label: `出生登记 ${idNumberOf(c, 'u-chen')}`, dueDate: '2026-03-30' }],
    },
  })
}
