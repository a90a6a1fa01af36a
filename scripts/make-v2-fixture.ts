/**
 * Writes tests/fixtures/storage-v2.json: what schema v2 (one storage key per collection, records nested
 * as the v2 handlers kept them) held after a busy day on every feature: a family link, a care-card
 * application reviewed twice, a booking delivered, rated and disputed, a real-name binding and a failed
 * attempt, a child signed up, an elevator petition voted on in the app, by proxy and on paper, one-thing
 * progress and appointments. Generated once with the v2 code (`npx tsx scripts/make-v2-fixture.ts`);
 * the migration tests load it.
 */
import fs from 'node:fs'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { memoryStorage } from '@/backend/storage/memory'

const PHOTO = 'aGVsbG8gd29ybGQ='
const clock = fixedClock(Date.UTC(2026, 2, 2, 2, 0, 0)) // 2026-03-02 10:00 Beijing
const storage = memoryStorage()
const backend = createBackend({ storage, clock })
const tokens: Record<string, string> = {}

async function call(
  userId: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  opts: { body?: unknown; actingFor?: string; key?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (userId) {
    if (!tokens[userId])
      tokens[userId] = (
        await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers, body: { userId } })
      ).body.token
    headers.authorization = `Bearer ${tokens[userId]}`
  }
  if (opts.actingFor) headers['x-acting-for'] = opts.actingFor
  if (opts.key) headers['idempotency-key'] = opts.key
  const r = await backend.handle({ method, url, headers, body: opts.body })
  console.log(`${r.status} ${userId} ${method} ${url}`)
  return r.body
}
const idNumberOf = (userId: string) =>
  backend.db.data.users[userId].realName?.idNumber ??
  Object.values(backend.db.data.populationRegister).find((p) => p.name === '陈晓东')!.idNumber

async function main() {
  const link = (
    await call('u-li', 'POST', '/api/family-links', {
      body: { principalName: '王秀英', principalIdNumber: idNumberOf('u-wang'), relationship: '子女' },
    })
  ).id
  await call('u-wang', 'POST', `/api/family-links/${link}/confirm`)
  const app = await call('u-li', 'POST', '/api/care-card/applications', {
    actingFor: 'u-wang',
    body: { groups: [], proofs: [{ kind: 'household', photo: PHOTO }] },
    key: 'apply-1',
  })
  await call('u-zhao', 'POST', `/api/worker/care-card/applications/${app.id}/review`, {
    body: { stage: 'community', decision: 'approve' },
  })
  await call('u-zhao', 'POST', `/api/worker/care-card/applications/${app.id}/review`, {
    body: { stage: 'street', decision: 'approve' },
  })
  await call('u-chen', 'POST', '/api/me/privacy', { body: { accepted: true } })
  await call('u-chen', 'POST', '/api/me/real-name', {
    body: { name: '陈晓冬', idNumber: idNumberOf('u-chen') },
    key: 'rn-0',
  })
  await call('u-chen', 'POST', '/api/me/real-name', {
    body: { name: '陈晓东', idNumber: idNumberOf('u-chen') },
    key: 'rn-1',
  })
  await call('u-chen', 'POST', '/api/youth-palace/children', {
    body: { name: '陈小明', birthDate: '2017-09-01', hardship: true, hardshipProofPhoto: PHOTO },
  })
  await call('u-chen', 'POST', '/api/youth-palace/applications', {
    body: { childId: 'ypk-chen-yue', courseId: 'ypc-calligraphy' },
  })
  await call('u-chen', 'POST', '/api/youth-palace/applications', {
    body: { childId: 'ypk-chen-yue', courseId: 'ypc-pottery' },
  })
  const p = await call('u-liu', 'POST', '/api/elevator/petitions', {
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
  await call('u-jiang', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
  await call('u-zhou', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
  await call('u-li', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
    actingFor: 'u-wang',
    body: { householdId: 'r-zpq-3-1-202', choice: 'agree', signature: { kind: 'typed-name', name: '王秀英' } },
  })
  await call('u-zhou', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
    body: { householdId: 'r-zpq-3-1-501', choice: 'oppose', signature: { kind: 'handwritten', image: PHOTO } },
  })
  await call('u-zhao', 'POST', `/api/elevator/worker/petitions/${p.id}/paper-ballots`, {
    body: { householdId: 'r-zpq-3-1-101', choice: 'agree', channel: 'door', photo: PHOTO },
  })
  await call('u-li', 'PUT', '/api/one-thing/progress/after-death', {
    actingFor: 'u-wang',
    body: { answers: {}, ticked: [], deadlines: [{ label: '死亡户口注销', dueDate: '2026-03-20' }] },
  })
  await call('u-li', 'POST', '/api/one-thing/appointments', {
    actingFor: 'u-wang',
    body: { eventId: 'after-death', hallId: 'hall-zh-district', date: '2026-03-03', slot: '09:00' },
  })
  clock.set(Date.UTC(2026, 2, 3, 4, 0)) // 2026-03-03 12:00 Beijing
  await call('u-sun', 'POST', '/api/worker/care-card/orders/co-seed-2/deliver')
  await call('u-xs0', 'POST', '/api/care-card/orders/co-seed-2/rate', { body: { stars: 1, comment: '送晚了' } })
  await call('u-xs0', 'POST', '/api/care-card/orders/co-seed-2/dispute', { body: { reason: '送餐晚了一小时' } })
  await call('u-wang', 'GET', '/api/messages')
  const counts = Object.fromEntries(
    Object.entries(backend.db.data).map(([k, v]) => [k, Array.isArray(v) ? v.length : Object.keys(v as object).length]),
  )
  console.log(counts)
  const out = Object.fromEntries([...storage.data.entries()].sort(([a], [b]) => a.localeCompare(b)))
  fs.writeFileSync('tests/fixtures/storage-v2.json', JSON.stringify(out, null, 1) + '\n')
  console.log(
    `wrote tests/fixtures/storage-v2.json: ${Object.keys(out).length} keys, ${JSON.stringify(out).length} bytes`,
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
