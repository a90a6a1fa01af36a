/** @jest-environment node */
/**
 * A PostgreSQL connection dropped under the server (a restart, a failover, an administrator ending it)
 * must not stop the process: the driver reports it and the next request opens a new connection. Before
 * this, `pg` raised the pool's 'error' event with no listener and the server exited.
 */
import { postgresDriver } from '@/server/drivers'
import { newPostgresDatabase, PG_URL, SQL_ENABLED } from './databases'

const describePg = SQL_ENABLED && PG_URL ? describe : describe.skip

describePg('a PostgreSQL connection dropped under the server', () => {
  it('is reported, not thrown; the next request opens a new connection and succeeds', async () => {
    const db = await newPostgresDatabase()
    const lost: string[] = []
    const driver = await postgresDriver(db.url, { max: 2, onConnectionError: (e) => lost.push(e.message) })
    const admin = await postgresDriver(PG_URL!, { max: 1, onConnectionError: () => {} })
    try {
      // Two connections now sit idle in the pool.
      await Promise.all([0, 1].map(() => driver.withConnection((c) => c.query('SELECT pg_sleep(0.05)'))))
      const name = new URL(db.url).pathname.slice(1)
      const ended = await admin.withConnection((c) =>
        c.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1', [name]),
      )
      expect(ended.rows.length).toBe(2)
      await new Promise((r) => setTimeout(r, 300))
      expect(lost.length).toBeGreaterThanOrEqual(1)
      const { rows } = await driver.withConnection((c) => c.query('SELECT 41 + 1 AS answer'))
      expect(rows[0].answer).toBe(42)
    } finally {
      await driver.close()
      await admin.close()
      await db.drop()
    }
  })
})
