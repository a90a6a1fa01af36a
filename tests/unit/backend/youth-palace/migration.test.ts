/** @jest-environment node */
import fs from 'node:fs'
import path from 'node:path'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { storedVersion } from '@/backend/core/migrations'
import { memoryStorage } from '@/backend/storage/memory'
import { T0 } from '../client'

type Stored = Record<string, string>
type Collection = Record<string, Record<string, unknown>>
/** The v2 fixture: a busy day on every feature, stored by schema v2 (`mc:db:<collection>`), at T0. */
const FIXTURE = path.join(__dirname, '../../../fixtures/storage-v2.json')
const fixture = () => JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Stored
const v2 = (raw: Stored, name: string) => JSON.parse(raw[`mc:db:${name}`]) as Collection

/** Table, v2 collection, key. */
const TABLES: [string, string, string][] = [
  ['yp_terms', 'ypTerms', 'id'],
  ['yp_courses', 'ypCourses', 'id'],
  ['yp_children', 'ypChildren', 'id'],
  ['yp_enrollments', 'ypEnrollments', 'id'],
  ['yp_payments', 'ypPayments', 'id'],
  ['yp_lotteries', 'ypLotteries', 'courseId'],
  ['yp_attendance', 'ypAttendance', 'id'],
  ['yp_no_shows', 'ypNoShows', 'id'],
]

describe('youth palace: records saved by schema v2 survive the migration to tables', () => {
  let raw: Stored
  let backend: Backend
  /** A wire answer to a request by `userId` (logged in for it). */
  const call = async (userId: string, url: string): Promise<any> => {
    const login = await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId } })
    const authorization = `Bearer ${(login.body as { token: string }).token}`
    return (await backend.handle({ method: 'GET', url, headers: { authorization } })).body
  }
  beforeEach(() => {
    raw = fixture()
    const storage = memoryStorage(fixture())
    expect(storedVersion(storage)).toBe(2)
    backend = createBackend({ storage, clock: fixedClock(T0) })
    expect(storedVersion(storage)).toBe(3)
  })

  it('keeps every row of every table, with its key fields', async () => {
    const counts = Object.fromEntries(
      await Promise.all(TABLES.map(async ([t]) => [t, (await backend.inspect(t)).length])),
    )
    expect(counts).toEqual({
      yp_terms: 2,
      yp_courses: 13,
      yp_children: 9,
      yp_enrollments: 9,
      yp_payments: 2,
      yp_lotteries: 3,
      yp_attendance: 0,
      yp_no_shows: 3,
    })
    for (const [t, collection, key] of TABLES) {
      const rows = await backend.inspect(t)
      expect(rows.map((r) => r[key]).sort()).toEqual(Object.keys(v2(raw, collection)).sort())
      for (const r of rows) expect(r).toEqual(v2(raw, collection)[r[key]])
    }
  })

  it("the busy day's child 陈小明 (with the hardship proof photo) and the applications of 陈悦 are there", async () => {
    const [xiaoming] = await backend.inspect('yp_children', { name: '陈小明' })
    expect(xiaoming).toMatchObject({
      parentId: 'u-chen',
      birthDate: '2017-09-01',
      hardship: true,
      hardshipProofImageId: expect.any(String),
    })
    const photo = await backend.run((tx) => tx.core.images.get(xiaoming.hardshipProofImageId))
    expect(photo).toBe(raw[`mc:img:${xiaoming.hardshipProofImageId}`])
    const yue = await backend.inspect('yp_enrollments', { childId: 'ypk-chen-yue' })
    expect(yue.map((e) => [e.courseId, e.status, e.parentId]).sort()).toEqual([
      ['ypc-calligraphy', 'confirmed', 'u-chen'],
      ['ypc-pottery', 'pending', 'u-chen'],
    ])
    const children = await call('u-chen', '/api/youth-palace/children')
    expect(children.map((k: { name: string }) => k.name)).toEqual(['陈悦', '陈小明', '陈乐'])
    expect(children[0].activeCourseNames.sort()).toEqual(['书法', '陶艺小班'])
    expect(children[1]).toMatchObject({ hardship: true, hardshipProof: true })
  })

  it('the seeded full course 航模小班 still shows two paid seats through the API; lottery and no-shows carry over', async () => {
    const aircraft = await call('u-chen', '/api/youth-palace/courses/ypc-model-aircraft')
    expect(aircraft).toMatchObject({ capacity: 2, seatsLeft: 0, waitlistCount: 0 })
    const roster = await call('u-zhao', '/api/worker/youth-palace/courses/ypc-model-aircraft/roster')
    expect(roster.map((r: { childName: string; status: string }) => [r.childName, r.status])).toEqual([
      ['郑可欣', 'confirmed'],
      ['吴浩然', 'confirmed'],
    ])
    for (const parent of ['u-zheng', 'u-wu']) {
      const seat = (await call(parent, '/api/youth-palace/enrollments')).find(
        (e: { courseId: string }) => e.courseId === 'ypc-model-aircraft',
      )
      expect(seat).toMatchObject({ status: 'confirmed', payment: { status: 'paid', amountFen: 6000 } })
    }
    const lottery = await call('u-chen', '/api/youth-palace/courses/ypc-pottery/lottery')
    expect(lottery).toMatchObject({
      status: 'committed',
      commitment: v2(raw, 'ypLotteries')['ypc-pottery'].commitment,
      revealed: null,
    })
    expect(await call('u-chen', '/api/youth-palace/courses/ypc-pottery')).toMatchObject({ pendingCount: 6 })
    // 张建国's family had 3 no-shows in the autumn term: no priority in the spring term.
    const terms = await call('u-zhang', '/api/youth-palace/terms')
    expect(terms.find((t: { id: string }) => t.id === 'ypt-zpq-2026-spring')).toMatchObject({
      resident: true,
      priority: false,
    })
  })
})
