/** @jest-environment node */
/**
 * The elevator's records survive the move from schema v2 (one storage key per collection) to tables:
 * tests/fixtures/storage-v2.json holds the seeded 西山 petition (5 app ballots) and a busy day's 总浦桥
 * petition voted on by proxy, in the app by the owner of two flats (handwritten) and at the door.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import type { Backend } from '@/backend'
import { memoryStorage } from '@/backend/storage/memory'
import { T0 } from '../client'

const V2 = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../fixtures/storage-v2.json'), 'utf8')) as Record<
  string,
  string
>
const OLD_LOGS = JSON.parse(V2['mc:db:elevatorAuditLogs']) as Record<string, { seq: number; hash: string }[]>
const XS = 'ep-xs-5-2'
const ZPQ = Object.keys(OLD_LOGS).find((id) => id !== XS)!

describe('elevator records migrated from schema v2', () => {
  let backend: Backend
  const call = async (userId: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const login = await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId } })
    const headers = { authorization: `Bearer ${(login.body as { token: string }).token}` }
    return (await backend.handle({ method, url, headers, body })) as { status: number; body: any }
  }

  beforeEach(() => {
    backend = createBackend({ storage: memoryStorage({ ...V2 }), clock: fixedClock(T0) })
  })

  it('keeps both petitions with their groups and plans', async () => {
    const petitions = await backend.inspect('elevator_petitions')
    expect(petitions.map((p) => p.id).sort()).toEqual([ZPQ, XS].sort())
    expect(petitions.find((p) => p.id === ZPQ)).toMatchObject({
      status: 'voting',
      budgetFen: 54_000_000,
      subsidiesFen: 20_000_000,
      votingDeadline: '2026-03-16T20:00:00+08:00',
    })
    const zpq = await call('u-zhao', 'GET', `/api/elevator/petitions/${ZPQ}`)
    expect(zpq.body).toMatchObject({
      status: 'voting',
      starter: { name: '刘伟', roomName: '701' },
      plan: { netCostFen: 34_000_000 },
    })
    expect(zpq.body.coInitiators).toEqual([
      { roomName: '702', name: '蒋玉兰', status: 'confirmed' },
      { roomName: '602', name: '周强', status: 'confirmed' },
    ])
  })

  it('moves every log entry as hashed: both chains verify through the API, with the receipts kept before the move', async () => {
    for (const [id, worker] of [
      [XS, 'u-sun'],
      [ZPQ, 'u-zhao'],
    ]) {
      const old = OLD_LOGS[id]
      const receipts = old.map((e) => ({ seq: e.seq, hash: e.hash }))
      const v = await call(worker, 'POST', `/api/elevator/petitions/${id}/audit-log/verify`, { receipts })
      expect(v.body).toMatchObject({ check: { ok: true }, entries: old.length, head: receipts[receipts.length - 1] })
    }
    expect(await backend.inspect('elevator_log', { petitionId: ZPQ })).toHaveLength(4)
  })

  it("counts the busy day's three ballots (four flats: one owner holds two) in the meter", async () => {
    const m = await call('u-zhao', 'GET', `/api/elevator/petitions/${ZPQ}/meter`)
    expect(m.body).toMatchObject({ households: 14, ballots: 4, tally: { participatingOwners: 3, agreeOwners: 2 } })
    const seeded = await call('u-sun', 'GET', `/api/elevator/petitions/${XS}/meter`)
    expect(seeded.body).toMatchObject({ ballots: 5, tally: { participatingOwners: 5, agreeOwners: 4 } })
  })

  it('keeps who signed in what role, and the photo of the door ballot', async () => {
    const log = await call('u-zhao', 'GET', `/api/elevator/petitions/${ZPQ}/audit-log`)
    expect(log.body.items.map((e: { actorRole: string }) => e.actorRole)).toEqual(['proxy', 'owner', 'owner', 'worker'])
    expect(log.body.items[3]).toMatchObject({ channel: 'door', actorName: '赵敏', photoRef: expect.any(String) })
    expect(await backend.run((tx) => tx.core.images.get(log.body.items[3].photoRef))).not.toBeNull()
    const sigs = (await backend.inspect('elevator_ballot_signatures')).filter((s) => s.petitionId === ZPQ)
    expect(
      sigs
        .filter((s) => s.signatureImageId)
        .map((s) => s.seq)
        .sort(),
    ).toEqual([2, 3])
  })

  it('appends to a migrated chain: a new ballot links to the old head', async () => {
    const r = await call('u-zhang', 'POST', `/api/elevator/petitions/${ZPQ}/ballots`, {
      householdId: 'r-zpq-3-1-101',
      choice: 'oppose',
      signature: { kind: 'typed-name', name: '张建国' },
    })
    expect(r.body).toMatchObject({ changed: true, receipt: { seq: 5 } })
    const [entry] = await backend.inspect('elevator_log', { petitionId: ZPQ, seq: 5 })
    expect(entry.prevHash).toBe(OLD_LOGS[ZPQ][3].hash)
    expect((await call('u-zhao', 'POST', `/api/elevator/petitions/${ZPQ}/audit-log/verify`, {})).body.check).toEqual({
      ok: true,
    })
  })
})
