/** @jest-environment node */
/**
 * The care card's records survive the migration from schema v2 (one storage key per collection) to
 * tables: tests/fixtures/storage-v2.json is a busy day of the v2 app (李红 applied for 王秀英, both
 * reviews passed; 马建华's seeded lunch of 3 March delivered, rated 1 star and disputed).
 */
import fs from 'fs'
import path from 'path'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import type { Method } from '@/backend/core/http'
import { memoryStorage } from '@/backend/storage/memory'
import { ledgerOf } from './data'

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../../fixtures', name), 'utf8')) as Record<string, string>
const v2 = fixture('storage-v2.json')
const collection = (name: string) => JSON.parse(v2[`mc:db:${name}`]) as Record<string, any>

/** 2026-03-03 12:30 Beijing, half an hour after the fixture's last request. */
const NOW = Date.UTC(2026, 2, 3, 4, 30)

describe('care card: migrating schema v2 storage', () => {
  let backend: Backend
  const tokens: Record<string, string> = {}
  beforeAll(() => {
    backend = createBackend({ storage: memoryStorage(v2), clock: fixedClock(NOW) })
  })
  const call = async (userId: string, method: Method, url: string) => {
    tokens[userId] ??= (
      (await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId } })).body as {
        token: string
      }
    ).token
    return backend.handle({ method, url, headers: { authorization: `Bearer ${tokens[userId]}` } }) as Promise<{
      status: number
      body: any
    }>
  }

  it('keeps every record, one row per provider, service, application, card, ledger entry, order and task', async () => {
    const providers = Object.values(collection('careProviders'))
    const count = async (table: string) => (await backend.inspect(table)).length
    expect(await count('care_providers')).toBe(6)
    expect(await count('care_services')).toBe(providers.flatMap((p) => p.services).length)
    expect(await count('care_applications')).toBe(2)
    expect(await count('care_cards')).toBe(2)
    expect(await count('care_ledger_entries')).toBe(Object.values(collection('careLedgers')).flat().length)
    expect(await count('care_orders')).toBe(2)
    expect(await count('care_tasks')).toBe(1)
    // Services keep their provider and place in its list.
    expect(await backend.inspect('care_services', { providerId: 'cp-zpq-yikang' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'cs-zpq-bath', rank: 0, capacity: 2, slotTimes: ['09:00', '14:00'] }),
      ]),
    )
    // Each card's ledger in its v2 order.
    for (const [cardId, entries] of Object.entries(collection('careLedgers')))
      expect(await ledgerOf(backend, cardId)).toEqual(entries)
    // The proxy's application with its photo; the dispute's status is a column, its text kept.
    const [app] = await backend.inspect('care_applications', { applicantId: 'u-wang' })
    expect(app).toMatchObject({
      proxyId: 'u-li',
      status: 'approved',
      activeFrom: '2026-04-01',
      proofs: [{ kind: 'household', cycle: 1 }],
    })
    const [order] = await backend.inspect('care_orders', { id: 'co-seed-2' })
    expect(order).toMatchObject({
      status: 'rated',
      disputeStatus: 'open',
      dispute: { reason: '送餐晚了一小时' },
      rating: { stars: 1 },
    })
    expect(order.dispute.status).toBeUndefined()
    expect(await backend.inspect('care_tasks', { orderId: 'co-seed-2', status: 'open' })).toHaveLength(1)
  })

  it("answers as before: the seeded card's balance and ledger, the disputed order, the task, the new card and its photo", async () => {
    const home = (await call('u-xs0', 'GET', '/api/care-card?limit=50')).body
    expect(home).toMatchObject({
      cardId: 'cc-seed-xs0',
      status: 'active',
      balanceFen: 3 * 30000 - 1000 - 1000,
      heldFen: 0,
      ledger: { total: 7 },
    })
    const seededLedger = collection('careLedgers')['cc-seed-xs0'] as { id: string }[]
    expect(home.ledger.items.map((e: { id: string }) => e.id)).toEqual(seededLedger.map((e) => e.id).reverse())
    const orders = (await call('u-xs0', 'GET', '/api/care-card/orders')).body.items
    expect(orders.map((o: { id: string }) => o.id)).toEqual(['co-seed-2', 'co-seed-1'])
    expect(orders[0]).toMatchObject({
      statusText: '异议处理中',
      dispute: { status: 'open', reason: '送餐晚了一小时' },
      rating: { stars: 1 },
      canDispute: false,
    })
    expect(
      (await call('u-sun', 'GET', '/api/worker/care-card/orders?status=disputed')).body.map(
        (o: { id: string }) => o.id,
      ),
    ).toEqual(['co-seed-2'])
    expect((await call('u-sun', 'GET', '/api/worker/care-card/tasks')).body).toEqual([
      expect.objectContaining({ orderId: 'co-seed-2', stars: 1, status: 'open' }),
    ])
    expect((await call('u-wang', 'GET', '/api/care-card')).body).toMatchObject({
      status: 'scheduled',
      activeFrom: '2026-04-01',
      balanceFen: 0,
    })
    const app = (await call('u-zhao', 'GET', '/api/worker/care-card/applications?status=all')).body[0]
    expect(app).toMatchObject({ applicant: { userId: 'u-wang' }, proxy: { userId: 'u-li' }, status: 'approved' })
    const photo = await call(
      'u-zhao',
      'GET',
      `/api/worker/care-card/applications/${app.id}/images/${app.proofs[0].imageId}`,
    )
    expect(photo.body).toEqual({ imageId: app.proofs[0].imageId, base64: v2[`mc:img:${app.proofs[0].imageId}`] })
  })

  it('gives schema v1 storage (before the care card) the providers of the catalog', async () => {
    const fromV1 = createBackend({ storage: memoryStorage(fixture('storage-v1.json')), clock: fixedClock(NOW) })
    expect(await fromV1.inspect('care_providers')).toHaveLength(6)
    expect(await fromV1.inspect('care_services')).toHaveLength(13)
    expect(await fromV1.inspect('care_cards')).toEqual([])
  })
})
