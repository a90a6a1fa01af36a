/** @jest-environment node */
/**
 * The drivers time the queue in front of a connection (`waiting`, `oldestWaitMs`), which the waiting room
 * reads: with the only connection held, the next work waits and its wait grows; once it is served, the
 * queue is empty and reads 0 ms. On PGlite and (when `MC_PG_URL` is set) on PostgreSQL with a pool of 1.
 */
import type { SqlDriver } from '@/server/drivers'
import { describeSql, sqlDatabases } from './databases'

jest.setTimeout(60_000)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describeSql.each(sqlDatabases(1))('connection queue on %s', (_kind, open) => {
  let driver: SqlDriver
  beforeAll(async () => {
    driver = await open()
  })
  afterAll(() => driver.close())

  it('reports how long the first waiting work has waited, and 0 once it has its connection', async () => {
    expect([driver.waiting(), driver.oldestWaitMs()]).toEqual([0, 0])
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const first = driver.withConnection(async (c) => {
      await c.query('SELECT 1')
      await held
    })
    await sleep(50) // the first has its connection
    const second = driver.withConnection((c) => c.query('SELECT 2 AS n'))
    await sleep(120)
    expect(driver.waiting()).toBe(1)
    expect(driver.oldestWaitMs()).toBeGreaterThanOrEqual(100)
    expect(driver.oldestWaitMs()).toBeLessThan(5_000)
    release()
    await first
    expect((await second).rows).toEqual([{ n: 2 }])
    expect([driver.waiting(), driver.oldestWaitMs()]).toEqual([0, 0])
  })
})
