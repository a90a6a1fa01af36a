/** @jest-environment node */
/**
 * Every route, fed generated malformed requests (wrong types, missing fields, huge strings, emoji,
 * HTML, negative and fractional numbers, other users' ids, replayed idempotency keys with another
 * body): never a crash or a 5xx, always a code on failure, and a refused request changes nothing.
 */
import fc from 'fast-check'
import { ROUTES, TABLES } from '@/backend'
import { inProcess, type Client } from './client'

const nasty = fc.oneof(
  fc.string(),
  fc.string({ maxLength: 5000 }),
  fc.constant('x'.repeat(200_000)),
  fc.constant('😀👨‍👩‍👧'.repeat(50)),
  fc.constant('<script>alert(1)</script>'),
  fc.constant("'; DROP TABLE users; --"),
  fc.constant('__proto__'),
  fc.integer(),
  fc.double(),
  fc.constant(-1),
  fc.constant(0.5),
  fc.constant(1e308),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
)
const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant('not json'),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'userId',
      'name',
      'idNumber',
      'roomId',
      'role',
      'principalName',
      'principalIdNumber',
      'relationship',
      'accepted',
      'authorizationPhotoId',
      'contentType',
      'base64',
      'setIso',
      'advanceDays',
      'enabled',
      'rate',
      'groups',
      'slotId',
      'stars',
      'reason',
      'choice',
      'childId',
      'courseId',
      'deadline',
      'budgetFen',
      'signature',
      'answers',
      'ticked',
      'hallId',
      'date',
      'slot',
      'cursor',
      'limit',
      'stage',
      'decision',
      'photos',
    ),
    nasty,
    { maxKeys: 6 },
  ),
)

describe('routes under generated malformed requests', () => {
  let c: Client
  let tokens: Record<string, string>
  const ids: string[] = []
  beforeAll(async () => {
    c = await inProcess()
    // A replayed request must change nothing: no silent new login when a fuzzed logout ended the session.
    c.autoRelogin = false
    tokens = {
      resident: await c.login('u-li'),
      owner: await c.login('u-zhou'),
      worker: await c.login('u-zhao'),
      other: await c.login('u-sun'),
    }
    for (const spec of TABLES) {
      if (spec.name === 'settings') continue
      ids.push(
        ...(await c.backend.inspect<Record<string, unknown>>(spec.name)).slice(0, 5).map((r) => String(r[spec.key])),
      )
    }
  })

  it('never crashes, never answers 5xx, and a refused request changes nothing', async () => {
    let cases = 0
    const routes = ROUTES.filter((r) => r.access !== 'dev')
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('resident', 'owner', 'worker', 'other', 'none'),
        body,
        fc.array(
          fc.oneof(
            fc.constantFrom(...ids),
            fc.string({ minLength: 1, maxLength: 40 }),
            fc.constant('%E4%BD%A0'),
            fc.constant('..%2F..'),
          ),
          { minLength: 3, maxLength: 3 },
        ),
        fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
        async (route, who, payload, params, key) => {
          cases++
          let i = 0
          const url = route.path.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(params[i++ % params.length]))
          const query =
            route.method === 'GET' && payload && typeof payload === 'object' && !Array.isArray(payload)
              ? `?${Object.entries(payload)
                  .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
                  .join('&')}`
              : ''
          const before = await c.backend.fingerprint()
          const res = await c.call(route.method, url + query, {
            token: who === 'none' ? undefined : tokens[who],
            body: payload,
            key,
          })
          expect(res.status).toBeLessThan(500)
          if (res.status >= 400) {
            expect(res.body).toMatchObject({ code: expect.stringMatching(/^[A-Z_0-9]+$/), message: expect.any(String) })
            // Rate-limit counters may record a failed real-name attempt; nothing else may change.
            const strip = (f: Record<string, unknown>) => {
              const { attempts: _a, ...rest } = f
              return rest
            }
            expect(strip(await c.backend.fingerprint())).toEqual(strip(before))
          }
          // Replaying the key with another body is refused and changes nothing.
          if (key && res.status < 300 && route.method !== 'GET') {
            const again = await c.backend.fingerprint()
            const replay = await c.call(route.method, url, {
              token: who === 'none' ? undefined : tokens[who],
              body: { other: 'body' },
              key,
            })
            expect([422, 400, 401, 403, 404, 405]).toContain(replay.status)
            expect(await c.backend.fingerprint()).toEqual(again)
          }
        },
      ),
      { numRuns: 1500, seed: 20261129 },
    )
    console.log(`route fuzzing: ${cases} generated requests over ${routes.length} routes`)
    expect(cases).toBeGreaterThanOrEqual(1000)
  }, 300_000)
})
