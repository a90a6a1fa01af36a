/** @jest-environment node */
/**
 * A production database starts empty but for its settings: the demo's fictional people, registers,
 * communities and messages are never written into a real community's database.
 */
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import type { SqlDriver } from '@/server/drivers'
import { describeSql, sqlDatabases } from './databases'

jest.setTimeout(120_000)

const countOf = async (db: SqlDriver, table: string) =>
  Number((await db.withConnection((c) => c.query(`SELECT count(*) AS n FROM "${table}"`))).rows[0].n)

describeSql.each(sqlDatabases(2))('the first start on %s', (_kind, open) => {
  let db: SqlDriver
  beforeEach(async () => {
    db = await open()
  })
  afterEach(() => db.close())

  it('in production seeds the settings row only; persona login is not served', async () => {
    const backend = await createSqlBackend({ driver: db, blobs: memoryBlobStore(), production: true })
    expect(await countOf(db, 'settings')).toBe(1)
    for (const table of ['users', 'population_register', 'property_register', 'communities', 'messages'])
      expect([table, await countOf(db, table)]).toEqual([table, 0])
    const personas = await backend.handle({ method: 'GET', url: '/api/auth/personas', headers: {} })
    expect(personas.status).toBe(404)
  })

  it('in demo mode seeds the demo', async () => {
    await createSqlBackend({ driver: db, blobs: memoryBlobStore() })
    expect(await countOf(db, 'users')).toBeGreaterThan(10)
    expect(await countOf(db, 'communities')).toBeGreaterThan(0)
  })
})
