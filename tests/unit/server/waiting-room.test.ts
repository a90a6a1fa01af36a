/** @jest-environment node */
/**
 * The waiting room (`src/server/waiting-room.ts`): once the pool's queue is over the threshold, `/api/`
 * requests are answered at once with 503 `WAITING_ROOM` + `Retry-After` (and never reach the route),
 * while health checks still answer; once the queue drains, requests go through again.
 */
import Fastify from 'fastify'
import { installWaitingRoom, WAITING_ROOM_BODY } from '@/server/waiting-room'

/** Polls `probe` until it returns true (at most `tries` × 20 ms); the checks are sampled every 20 ms. */
async function until(probe: () => Promise<boolean>, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('condition never held')
}

describe('waiting room', () => {
  it('turns /api/ requests away with 503 + Retry-After while the pool queue is over its limit', async () => {
    let waiting = 0
    let handled = 0 // requests that reached the route
    const app = Fastify()
    installWaitingRoom(
      app,
      { poolWaiting: () => waiting, maxPoolWaiting: 5, retryAfterS: 3, sampleIntervalMs: 20 },
      {
        'access-control-allow-methods': 'GET',
      },
    )
    app.get('/api/x', async () => ({ n: ++handled }))
    app.get('/healthz', async () => ({ ok: true }))
    const origin = await app.listen({ port: 0, host: '127.0.0.1' })
    const get = async (path: string) => {
      const res = await fetch(origin + path)
      return { statusCode: res.status, headers: Object.fromEntries(res.headers), json: await res.json() }
    }
    try {
      // Before the first sample the event-loop delay is unknown (counted as saturated): wait for it.
      await until(async () => (await get('/api/x')).statusCode === 200)
      waiting = 6
      await until(async () => (await get('/api/x')).statusCode === 503)
      const turned = await get('/api/x')
      expect({ status: turned.statusCode, retryAfter: turned.headers['retry-after'], body: turned.json }).toEqual({
        status: 503,
        retryAfter: '3',
        body: WAITING_ROOM_BODY,
      })
      expect(turned.headers['access-control-allow-methods']).toBe('GET')
      expect((await get('/healthz')).statusCode).toBe(200)
      const handledWhileFull = handled
      waiting = 5
      await until(async () => (await get('/api/x')).statusCode === 200)
      expect(handled).toBe(handledWhileFull + 1)
    } finally {
      await app.close()
    }
  })

  it('turns requests away while the first in the pool queue has waited longer than the limit, in time', async () => {
    let waitedMs = 0
    const app = Fastify()
    installWaitingRoom(
      app,
      { poolWaiting: () => 1, poolWaitMs: () => waitedMs, maxPoolWaitMs: 100, sampleIntervalMs: 20 },
      {},
    )
    app.get('/api/x', async () => ({ ok: true }))
    const origin = await app.listen({ port: 0, host: '127.0.0.1' })
    const status = async () => (await fetch(origin + '/api/x')).status
    try {
      await until(async () => (await status()) === 200)
      waitedMs = 101 // one request in the queue, but waiting too long: the count alone would let it in
      await until(async () => (await status()) === 503)
      waitedMs = 40
      await until(async () => (await status()) === 200)
    } finally {
      await app.close()
    }
  })
})
