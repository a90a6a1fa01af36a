/**
 * `npm run seed:district -- [--communities 2] [--residents 800] [--database-url postgres://…]`: a district
 * of generated communities (`districtRows`), realistic in shape: buildings of 2 units and 6 storeys, rooms
 * with areas in the property register, households of 1–4 adults, owners with a second flat, children of
 * every age from 3 to 17, elders with care cards at every tier and a canteen, an open youth-palace term
 * with lottery and first-come courses, elevator petitions in their vote, a logged-in session and an inbox
 * per person. Residents = accounts + children. Without `--database-url` it prints the table sizes (the
 * default is seconds on PGlite; 20 communities and 50,000 residents take minutes on PostgreSQL).
 *
 * `scaledRows` (the demo seed copied with fresh ids, about `records` rows) stays for the scale test and
 * `npm run bench:server`, whose figures are measured on it.
 */
import { seedRows, TABLES } from '@/backend'
import type { Rows } from '@/backend/core/data/store'
import { ledgerRowOf } from '@/backend/features/care-card/repository'
import { seededSession } from '@/backend/sessions'
import type { CareGroup } from '@/domain/care-card/eligibility'
import { issueDue } from '@/domain/care-card/ledger'
import { residentIdCheckChar } from '@/domain/shared/residentId'
import { addDays, beijingDate, beijingIso } from '@/domain/shared/time'
import { createCommitment } from '@/domain/youth-palace/lottery'

type Row = Record<string, unknown>

/** The demo seed copied until about `records` rows (copy 0 is the seed itself), with 2 messages per person. */
export function scaledRows(records: number, nowIso = beijingIso(Date.now())): Rows {
  const seed = seedRows(nowIso)
  const keys = new Set<string>()
  for (const spec of TABLES)
    for (const r of (seed[spec.name] ?? []) as Row[]) if (spec.name !== 'settings') keys.add(String(r[spec.key]))
  const perCopy = Object.entries(seed).reduce((n, [name, rows]) => n + (name === 'settings' ? 0 : rows.length), 0)
  const users = (seed.users ?? []) as Row[]
  const communities = (seed.communities ?? []) as Row[]
  const extraPerCopy = 30
  const copies = Math.max(1, Math.ceil(records / (perCopy + extraPerCopy + (users.length + extraPerCopy) * 2)))
  const out: Record<string, Row[]> = Object.fromEntries(
    Object.entries(seed).map(([n, rows]) => [n, [...(rows as Row[])]]),
  )
  const rename = (value: unknown, i: number): unknown => {
    if (typeof value === 'string') return keys.has(value) ? `${value}~${i}` : value
    if (Array.isArray(value)) return value.map((v) => rename(v, i))
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, i)]))
    return value
  }
  for (let i = 1; i < copies; i++) {
    for (const [name, rows] of Object.entries(seed)) {
      if (name === 'settings') continue
      for (const r of rows as Row[]) {
        const copy = rename(r, i) as Row
        // Only the demo's own people are login personas (rank below 1000).
        if (name === 'users') copy.rank = 1000 + Number(r.rank)
        // Unique besides the key (migration 015): WeChat Pay's order, transaction and refund numbers.
        if (name === 'yp_payments')
          for (const f of ['outTradeNo', 'transactionId', 'outRefundNo'])
            if (typeof copy[f] === 'string') copy[f] = `${copy[f]}-${i}`
        out[name].push(copy)
      }
    }
  }
  // More residents per community copy, and a realistic inbox per person.
  for (let i = 0; i < copies; i++) {
    const ids = users.map((u) => (i === 0 ? String(u.id) : `${u.id}~${i}`))
    for (let n = 0; n < extraPerCopy; n++) {
      const id = `u-scale-${i}-${n}`
      const community = communities[n % communities.length]
      out.users.push({
        id,
        nickname: `微信用户${n}`,
        persona: '居民',
        rank: 1000 + n,
        communityId: i === 0 ? community.id : `${community.id}~${i}`,
        role: 'resident',
        createdAt: nowIso,
      })
      ids.push(id)
    }
    for (const userId of ids) {
      for (let m = 0; m < 2; m++) {
        out.messages.push({
          id: `m-scale-${i}-${userId}-${m}`,
          userId,
          title: '社区通知',
          body: `第 ${m + 1} 条通知`,
          createdAt: nowIso,
        })
      }
    }
  }
  return out
}

/** Sizes of `districtRows`. */
export interface DistrictOptions {
  communities: number
  /** People: accounts (adults) plus children's profiles, spread evenly over the communities. */
  residents: number
  /** The generation's "now" (Beijing instant); the term is open and the votes under way at it. */
  nowIso?: string
  /** Seed of the pseudo-random shapes (same seed, same rows). */
  seed?: number
}

/** A parent with a session and children of course age, for the registration scenario. */
export interface DistrictParent {
  token: string
  userId: string
  communityId: string
  children: { id: string; age: number }[]
}

/** A course of a community's open term. */
export interface DistrictCourse {
  id: string
  communityId: string
  admission: 'lottery' | 'firstCome'
  capacity: number
  ageMin: number
  ageMax: number
}

/** An owner who may vote on a petition of their unit (`householdId`: the room). */
export interface DistrictVoter {
  token: string
  petitionId: string
  householdId: string
  name: string
}

/** A care-card holder with a session, and the community's bookable services. */
export interface DistrictHolder {
  token: string
  communityId: string
}

/** Who can do what in the generated district: the load scenarios' actors. */
export interface DistrictPlan {
  parents: DistrictParent[]
  courses: DistrictCourse[]
  voters: DistrictVoter[]
  holders: DistrictHolder[]
  /** Bookable services by community: ids, capacity per slot, slot times (`HH:mm`). */
  services: { id: string; communityId: string; capacity: number; slotTimes: string[] }[]
  /** Tokens of every account with an inbox (all of them). */
  readers: string[]
  /** The term of each community (id), open at `nowIso`. */
  terms: string[]
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁沈'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌浩宇欣怡子涵梓萱俊辰雨桐'
/** Tiers of the care card: the groups a holder is registered in (an empty list: aged 90 or more). */
const CARE_TIERS: CareGroup[][] = [['subsistence'], ['marginal'], ['destitute'], ['disabled'], []]
const ROOMS_PER_FLOOR = 2
const STOREYS = 6
const UNITS_PER_BUILDING = 2
/** Courses of each community's term (the demo's course list, as templates). */
const COURSES_PER_COMMUNITY = 12
/** Elevator petitions in their vote: one per this many buildings (at least one per community). */
const BUILDINGS_PER_PETITION = 8

/**
 * A generated district: `communities` communities with `residents` people in all, and the plan of who
 * can act in it. Ids are `c-d<i>`, `u-d<i>-<n>`, `r-d<i>-<building>-<unit>-<room>` and so on; sessions
 * are `d-<userId>`. Deterministic for a given `seed` and `nowIso`.
 */
export function districtRows(opts: DistrictOptions): { rows: Rows; plan: DistrictPlan } {
  const nowIso = opts.nowIso ?? beijingIso(Date.now())
  const today = beijingDate(nowIso)
  const rand = prng(opts.seed ?? 25)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const name = () => pick([...SURNAMES]) + pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : '')
  const seed = seedRows(nowIso) as Record<string, Row[]>
  const out: Record<string, Row[]> = Object.fromEntries(TABLES.map((t) => [t.name, [] as Row[]]))
  out.settings = seed.settings
  const plan: DistrictPlan = {
    parents: [],
    courses: [],
    voters: [],
    holders: [],
    services: [],
    readers: [],
    terms: [],
  }
  const usedIds = new Set<string>()
  const idNumber = (region: string, birthDate: string, male: boolean) => {
    for (let seq = int(0, 99); ; seq = (seq + 1) % 100) {
      const first17 = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(2, '0')}${male ? int(0, 4) * 2 + 1 : int(0, 4) * 2}`
      const id = first17 + residentIdCheckChar(first17)
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }
  const year = Number(today.slice(0, 4))
  const birth = (age: number) =>
    `${year - age - 1}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
  const courseTemplates = seed.yp_courses.slice(0, COURSES_PER_COMMUNITY)
  const canteen = seed.care_providers.find((p) => p.id === 'cp-xs-canteen')!
  const lunch = seed.care_services.find((s) => s.id === 'cs-xs-lunch')!
  const appTemplate = seed.care_applications[0]
  const petitionTemplate = seed.elevator_petitions[0]
  const perCommunity = Math.max(1, Math.floor(opts.residents / Math.max(1, opts.communities)))

  for (let ci = 0; ci < opts.communities; ci++) {
    const cid = `c-d${ci}`
    const region = pick(['330102', '330108', '330106'])
    out.communities.push({
      id: cid,
      name: `第${ci + 1}社区`,
      city: '杭州市',
      district: region === '330108' ? '滨江区' : region === '330106' ? '西湖区' : '上城区',
      street: `第${Math.floor(ci / 10) + 1}街道`,
      gridWorker: { name: name(), phone: `139${String(10_000_000 + ci).padStart(8, '0')}` },
    })
    const users: Row[] = []
    const addUser = (u: Row) => {
      users.push(u)
      out.users.push(u)
      out.login_sessions.push({ ...seededSession(String(u.id), `d-${u.id}`, nowIso) })
      plan.readers.push(`d-${u.id}`)
      for (const [m, title] of ['欢迎使用现代社区', '社区通知'].entries())
        out.messages.push({
          id: `m-d-${u.id}-${m}`,
          userId: u.id,
          title,
          body: m ? '本周六上午社区广场有义诊，欢迎参加。' : '在这里可以申请养老服务爱心卡、为孩子报名青少年宫课程。',
          createdAt: nowIso,
        })
      return u
    }
    addUser({
      id: `u-d${ci}-w`,
      nickname: '网格员',
      persona: `${cid} 网格员`,
      rank: 5000,
      communityId: cid,
      role: 'worker',
      createdAt: nowIso,
    })
    // Rooms: enough buildings for the households (about 2.5 people each; some flats stay empty) plus spare flats.
    const households = Math.ceil(perCommunity / 2)
    const roomsPerBuilding = UNITS_PER_BUILDING * STOREYS * ROOMS_PER_FLOOR
    const buildingCount = Math.max(1, Math.ceil((households * 1.1) / roomsPerBuilding))
    const rooms: Row[] = []
    for (let b = 1; b <= buildingCount; b++) {
      const bid = `b-d${ci}-${b}`
      out.buildings.push({ id: bid, communityId: cid, name: `${b}幢`, storeys: STOREYS })
      for (let u = 1; u <= UNITS_PER_BUILDING; u++) {
        const uid = `u-d${ci}-${b}-${u}`
        out.units.push({ id: uid, buildingId: bid, communityId: cid, name: `${u}单元`, storeys: STOREYS })
        for (let f = 1; f <= STOREYS; f++)
          for (let r = 1; r <= ROOMS_PER_FLOOR; r++) {
            const room = {
              id: `r-d${ci}-${b}-${u}-${f}0${r}`,
              unitId: uid,
              buildingId: bid,
              communityId: cid,
              name: `${f}0${r}`,
              floor: f,
            }
            out.rooms.push(room)
            rooms.push(room)
          }
      }
    }
    // Households: an owner (real-name bound, with the property register's area), a spouse, sometimes an
    // elder, sometimes children; 8% of owners also own a spare flat.
    let people = 0
    let n = 0
    let spare = households
    const owners = new Map<string, { userId: string; name: string }>()
    const elders: Row[] = []
    for (let h = 0; h < households && people < perCommunity; h++) {
      const room = rooms[h]
      const area = Math.round((55 + rand() * 85) * 100) / 100
      const ownerName = name()
      const ownerAge = int(28, 75)
      const ownerBirth = birth(ownerAge)
      const ownerId = idNumber(region, ownerBirth, rand() < 0.5)
      out.property_register.push({ roomId: room.id, ownerIdNumber: ownerId, area })
      out.population_register.push({
        idNumber: ownerId,
        name: ownerName,
        phone: `138${String(int(0, 99_999_999)).padStart(8, '0')}`,
      })
      const bound = rand() < 0.85
      const owner = addUser({
        id: `u-d${ci}-${n++}`,
        nickname: ownerName,
        persona: `${cid} 业主`,
        rank: 10_000 + n,
        communityId: cid,
        role: 'resident',
        ...(bound
          ? { realName: ownerName, idNumber: ownerId, realNameBoundAt: nowIso, privacyAcceptedAt: nowIso }
          : {}),
        createdAt: nowIso,
      })
      people++
      const bind = (userId: unknown, roomId: unknown, role: string, a: number) =>
        out.room_bindings.push({
          id: `${userId}:${roomId}`,
          userId,
          roomId,
          role,
          area: a,
          verified: role === 'owner' && bound,
          boundAt: nowIso,
        })
      bind(owner.id, room.id, 'owner', area)
      if (bound) owners.set(String(room.id), { userId: String(owner.id), name: ownerName })
      if (rand() < 0.08 && spare < rooms.length) {
        const flat = rooms[spare++]
        const a2 = Math.round((40 + rand() * 60) * 100) / 100
        out.property_register.push({ roomId: flat.id, ownerIdNumber: ownerId, area: a2 })
        bind(owner.id, flat.id, 'owner', a2)
        if (bound) owners.set(String(flat.id), { userId: String(owner.id), name: ownerName })
      }
      if (rand() < 0.7 && people < perCommunity) {
        const spouse = addUser({
          id: `u-d${ci}-${n++}`,
          nickname: name(),
          persona: `${cid} 家属`,
          rank: 10_000 + n,
          communityId: cid,
          role: 'resident',
          createdAt: nowIso,
        })
        bind(spouse.id, room.id, 'family', area)
        people++
      }
      if (rand() < 0.25 && people < perCommunity) {
        const elderName = name()
        const age = int(60, 96)
        const elderBirth = birth(age)
        const elderId = idNumber(region, elderBirth, rand() < 0.5)
        out.population_register.push({
          idNumber: elderId,
          name: elderName,
          phone: `137${String(int(0, 99_999_999)).padStart(8, '0')}`,
        })
        const elder = addUser({
          id: `u-d${ci}-${n++}`,
          nickname: elderName,
          persona: `${cid} 长者`,
          rank: 10_000 + n,
          communityId: cid,
          role: 'resident',
          realName: elderName,
          idNumber: elderId,
          realNameBoundAt: nowIso,
          privacyAcceptedAt: nowIso,
          createdAt: nowIso,
        })
        bind(elder.id, room.id, 'family', area)
        elders.push({ ...elder, birthDate: elderBirth, age })
        people++
      }
      if (rand() < 0.4 && people < perCommunity) {
        const kids: DistrictParent['children'] = []
        for (let k = rand() < 0.7 ? 1 : 2; k > 0 && people < perCommunity; k--) {
          const age = int(3, 17)
          const id = `ypk-d${ci}-${owner.id}-${k}`
          out.yp_children.push({
            id,
            parentId: owner.id,
            name: name(),
            birthDate: birth(age),
            hardship: rand() < 0.05,
            createdAt: nowIso,
            updatedAt: nowIso,
          })
          kids.push({ id, age })
          people++
        }
        if (bound && kids.length)
          plan.parents.push({ token: `d-${owner.id}`, userId: String(owner.id), communityId: cid, children: kids })
      }
    }
    // Care: a canteen with lunch and dinner; cards for about a third of the elders, at every tier.
    const providerId = `cp-d${ci}`
    out.care_providers.push({ ...canteen, id: providerId, communityId: cid, name: `${cid} 长者食堂`, rank: 0 })
    for (const [k, meal] of [
      ['lunch', '11:00'],
      ['dinner', '17:00'],
    ] as const) {
      const id = `cs-d${ci}-${k}`
      const capacity = Math.max(20, Math.ceil(elders.length / 3))
      out.care_services.push({
        ...lunch,
        id,
        providerId,
        name: k === 'lunch' ? '午餐' : '晚餐',
        rank: k === 'lunch' ? 0 : 1,
        capacity,
        slotTimes: [meal],
      })
      plan.services.push({ id, communityId: cid, capacity, slotTimes: [meal] })
    }
    const activeFrom = `${today.slice(0, 7)}-01`
    elders.forEach((e, k) => {
      if (k % 3) return
      const groups = Number(e.age) >= 90 ? [] : CARE_TIERS[(k / 3) % 4]
      const appId = `ca-d-${e.id}`
      const cardId = `cc-d-${e.id}`
      out.care_applications.push({
        ...appTemplate,
        id: appId,
        applicantId: e.id,
        communityId: cid,
        groups,
        cardId,
        activeFrom,
        acts: [],
      })
      out.care_cards.push({
        id: cardId,
        holderId: e.id,
        communityId: cid,
        applicationId: appId,
        birthDate: e.birthDate,
        groups,
        activeFrom,
        codeSecret: `d-${e.id}`,
        createdAt: nowIso,
      })
      issueDue([], { activeFrom, asOf: today, birthDate: String(e.birthDate), groups }).forEach((entry, seq) =>
        out.care_ledger_entries.push(ledgerRowOf(cardId, seq, entry) as unknown as Row),
      )
      plan.holders.push({ token: `d-${e.id}`, communityId: cid })
    })
    // Youth palace: a term open since yesterday, closing in 6 days, starting in 4 weeks.
    const termId = `ypt-d${ci}`
    const start = addDays(today, 26)
    out.yp_terms.push({
      id: termId,
      communityId: cid,
      name: `${start.slice(0, 4)}年春季学期`,
      status: 'open',
      startDate: start,
      endDate: addDays(start, 105),
      opensAt: addDays(today, -1),
      closesAt: addDays(today, 6),
      createdBy: `u-d${ci}-w`,
      createdAt: nowIso,
      openedAt: nowIso,
    })
    plan.terms.push(termId)
    courseTemplates.forEach((t, k) => {
      const id = `ypc-d${ci}-${k}`
      const capacity = Math.max(8, Math.round(Number(t.capacity) * 1.5))
      out.yp_courses.push({ ...t, id, termId, communityId: cid, capacity, createdBy: `u-d${ci}-w`, createdAt: nowIso })
      const course = {
        id,
        communityId: cid,
        admission: t.admission as DistrictCourse['admission'],
        capacity,
        ageMin: Number(t.ageMin),
        ageMax: Number(t.ageMax),
      }
      plan.courses.push(course)
      if (course.admission === 'lottery') {
        const secret = `${id}-${Math.floor(rand() * 2 ** 52).toString(16)}`
        out.yp_lotteries.push({
          courseId: id,
          termId,
          commitment: createCommitment(secret),
          secret,
          committedAt: nowIso,
        })
      }
    })
    // Elevator petitions in their vote, on units with bound owners; every bound owner may vote.
    const petitions = Math.max(1, Math.floor(buildingCount / BUILDINGS_PER_PETITION))
    for (let p = 0; p < petitions; p++) {
      const b = 1 + Math.floor((p * buildingCount) / petitions)
      const unitId = `u-d${ci}-${b}-1`
      const unitRooms = rooms.filter((r) => r.unitId === unitId && owners.has(String(r.id)))
      if (!unitRooms.length) continue
      const starter = owners.get(String(unitRooms[0].id))!
      const id = `ep-d${ci}-${b}-1`
      out.elevator_petitions.push({
        ...petitionTemplate,
        id,
        unitId,
        communityId: cid,
        starterId: starter.userId,
        starterRoomId: unitRooms[0].id,
        votingDeadline: beijingIso(Date.parse(nowIso) + 2 * 3600_000),
        createdAt: beijingIso(Date.parse(nowIso) - 6 * 86400_000),
        openedAt: beijingIso(Date.parse(nowIso) - 5 * 86400_000),
      })
      for (const r of unitRooms) {
        const o = owners.get(String(r.id))!
        plan.voters.push({ token: `d-${o.userId}`, petitionId: id, householdId: String(r.id), name: o.name })
      }
    }
  }
  out.one_thing_halls = seed.one_thing_halls.map((h, k) => ({
    ...h,
    communityIds: out.communities.filter((_, i) => i % seed.one_thing_halls.length === k).map((c) => c.id),
  }))
  return { rows: out, plan }
}

/** Rows by table, largest first, and the total. */
export function tableSizes(rows: Rows): { total: number; sizes: [string, number][] } {
  const sizes = Object.entries(rows)
    .map(([n, r]) => [n, r.length] as [string, number])
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1])
  return { total: sizes.reduce((n, [, c]) => n + c, 0), sizes }
}

/** Writes `rows` into the database at `url` (migrated first; every table emptied), then ANALYZE. */
export async function writeRows(url: string, rows: Rows): Promise<void> {
  const { postgresDriver, pgliteDriver } = await import('@/server/drivers')
  const { migrate } = await import('@/server/migrate')
  const { SqlStore } = await import('@/server/sql-store')
  const { memoryBlobStore } = await import('@/server/blobs')
  const driver = /^postgres(ql)?:/.test(url) ? await postgresDriver(url) : await pgliteDriver(url)
  try {
    await migrate(driver)
    await new SqlStore(driver, TABLES, memoryBlobStore()).reset(rows)
    await driver.withConnection((c) => c.query('ANALYZE'))
  } finally {
    await driver.close()
  }
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const communities = Number(arg('communities') ?? 2)
  const residents = Number(arg('residents') ?? 800)
  const t0 = Date.now()
  const { rows, plan } = districtRows({ communities, residents })
  const { total, sizes } = tableSizes(rows)
  console.log(
    `${communities} communities, ${residents} residents: ${total} rows in ${Date.now() - t0} ms (${plan.parents.length} parents, ${plan.voters.length} voters, ${plan.holders.length} card holders)`,
  )
  for (const [n, c] of sizes) console.log(`  ${n.padEnd(28)} ${c}`)
  const url = arg('database-url')
  if (url) {
    writeRows(url, rows).then(
      () => console.log(`seeded ${url.replace(/:[^:@/]*@/, ':***@')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`),
      (e) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
}
