/**
 * Youth palace seed for 总浦桥社区 (c-zpq), dated from the seed's `nowIso`: the coming term (named and
 * keyed by the season it starts in, see `termSeason`) whose registration opened yesterday and closes
 * in 6 days, teaching from the first Saturday ≥ 20 days later for 16 weekends; 13 weekend courses at two
 * sites; 陈乐 (5) and 陈悦 (9) for u-chen; five other families' children, all five already in the 3-seat
 * 陶艺小班 lottery (over-subscribed once 陈悦 joins); 郑可欣 and 吴浩然 holding the only 2 paid seats of
 * the first-come 航模小班 (full: a family can join its waitlist and is promoted, deterministically, when
 * 郑丽华 (u-zheng) cancels); the term before, with 3 no-shows for u-zhang's family, so they lose resident priority.
 */
import { addDays, beijingDate } from '@/domain/shared/time'
import type { WeeklySession, Weekday } from '@/domain/youth-palace/types'
import type { Rows } from '@/backend/core/data/store'
import type { CoreSeed } from '@/backend/seed'
import { weekdayOf } from './access'
import { randomSecret } from '@/backend/core/ids'
import { newLottery } from './lottery'
import type {
  YpChildRecord,
  YpCourseRecord,
  YpEnrollmentRecord,
  YpLotteryRecord,
  YpNoShowRecord,
  YpPaymentRecord,
  YpTermRecord,
} from './model'
import {
  childrenTable,
  coursesTable,
  enrollmentsTable,
  lotteriesTable,
  noShowsTable,
  paymentsTable,
  termsTable,
} from './tables'

const SITE_HOME = '总浦桥社区文化家园'
const SITE_BRANCH = '招宝山街道青少年宫分校'
const SAT: Weekday = 6
const SUN: Weekday = 0

/**
 * The season of a term from its first teaching day: spring from 20 December to the end of May (a
 * term starting in late December, January or February is the next year's spring term), summer June to
 * August, autumn 1 September to 19 December. Each season is shorter than the 26 weeks between the seed's
 * two terms, so their ids never collide. Returns the id key, the year and the name (`2027年春季学期`).
 */
export function termSeason(startDate: string): { key: 'spring' | 'summer' | 'autumn'; year: number; name: string } {
  const year = Number(startDate.slice(0, 4))
  const monthDay = startDate.slice(5)
  if (monthDay >= '12-20') return { key: 'spring', year: year + 1, name: `${year + 1}年春季学期` }
  if (monthDay < '06-01') return { key: 'spring', year, name: `${year}年春季学期` }
  if (monthDay < '09-01') return { key: 'summer', year, name: `${year}年暑期学期` }
  return { key: 'autumn', year, name: `${year}年秋季学期` }
}

/** The id of a seeded term of 总浦桥: `ypt-zpq-<year>-<season>`, e.g. `ypt-zpq-2027-spring`. */
export function seededTermId(startDate: string): string {
  const { key, year } = termSeason(startDate)
  return `ypt-zpq-${year}-${key}`
}

/**
 * One seeded course of 总浦桥: the fields of `YpCourseRecord` a worker types in, with `key` for its id
 * (`ypc-<key>`), `feeYuan` in whole yuan per term and `session` its one weekly session. A new course field
 * is a new field of `Course` (domain) and of each object below.
 */
type CourseSeed = Omit<
  YpCourseRecord,
  'id' | 'termId' | 'communityId' | 'feeFen' | 'sessions' | 'createdBy' | 'createdAt'
> & { key: string; feeYuan: number; session: WeeklySession }

const COURSES: CourseSeed[] = [
  {
    key: 'calligraphy',
    name: '书法',
    category: '书画',
    site: SITE_HOME,
    teacher: '沈墨林',
    ageMin: 7,
    ageMax: 12,
    capacity: 18,
    feeYuan: 0,
    admission: 'firstCome',
    session: { weekday: SAT, start: '09:00', end: '10:30' },
    description: '硬笔与毛笔楷书入门，练坐姿与握笔。',
  },
  {
    key: 'drawing',
    name: '创意绘画',
    category: '书画',
    site: SITE_HOME,
    teacher: '蒋彩云',
    ageMin: 4,
    ageMax: 6,
    capacity: 12,
    feeYuan: 80,
    admission: 'firstCome',
    session: { weekday: SAT, start: '09:00', end: '10:30' },
    description: '油画棒、水彩与手工拼贴，材料费含在学费里。',
  },
  {
    key: 'latin',
    name: '拉丁舞',
    category: '舞蹈',
    site: SITE_BRANCH,
    teacher: '韩悦',
    ageMin: 4,
    ageMax: 8,
    capacity: 12,
    feeYuan: 120,
    admission: 'firstCome',
    session: { weekday: SAT, start: '10:00', end: '11:30' },
    description: '恰恰、伦巴基本步，练节奏感和体态。',
  },
  {
    key: 'chinese-dance',
    name: '中国舞',
    category: '舞蹈',
    site: SITE_HOME,
    teacher: '杨柳',
    ageMin: 4,
    ageMax: 6,
    capacity: 12,
    feeYuan: 0,
    admission: 'firstCome',
    session: { weekday: SUN, start: '09:00', end: '10:00' },
    description: '中国舞考级教材一至二级。',
  },
  {
    key: 'go',
    name: '围棋',
    category: '棋类',
    site: SITE_BRANCH,
    teacher: '秦弈',
    ageMin: 6,
    ageMax: 12,
    capacity: 16,
    feeYuan: 0,
    admission: 'lottery',
    session: { weekday: SUN, start: '10:00', end: '11:30' },
    description: '从吃子到死活，每节课有对局练习。',
  },
  {
    key: 'taekwondo',
    name: '跆拳道',
    category: '体育',
    site: SITE_BRANCH,
    teacher: '许刚',
    ageMin: 6,
    ageMax: 14,
    capacity: 20,
    feeYuan: 120,
    admission: 'firstCome',
    session: { weekday: SAT, start: '14:00', end: '15:30' },
    description: '礼仪、基本腿法与体能，需自备道服。',
  },
  {
    key: 'robotics',
    name: '编程与机器人',
    category: '科技',
    site: SITE_BRANCH,
    teacher: '何思远',
    ageMin: 8,
    ageMax: 14,
    capacity: 15,
    feeYuan: 120,
    admission: 'lottery',
    session: { weekday: SUN, start: '14:00', end: '15:30' },
    description: '图形化编程与积木机器人，学期末有小比赛。',
  },
  {
    key: 'science',
    name: '科学实验',
    category: '科技',
    site: SITE_HOME,
    teacher: '吕知行',
    ageMin: 6,
    ageMax: 10,
    capacity: 16,
    feeYuan: 80,
    admission: 'firstCome',
    session: { weekday: SUN, start: '15:20', end: '16:50' },
    description: '每周一个动手小实验，安全第一。',
  },
  {
    key: 'table-tennis',
    name: '乒乓球',
    category: '体育',
    site: SITE_HOME,
    teacher: '施国栋',
    ageMin: 7,
    ageMax: 14,
    capacity: 16,
    feeYuan: 0,
    admission: 'firstCome',
    session: { weekday: SAT, start: '15:20', end: '16:50' },
    description: '握拍、发球与正反手攻球。',
  },
  {
    key: 'rope',
    name: '跳绳',
    category: '体育',
    site: SITE_HOME,
    teacher: '张跃',
    ageMin: 5,
    ageMax: 10,
    capacity: 12,
    feeYuan: 0,
    admission: 'firstCome',
    session: { weekday: SUN, start: '08:00', end: '09:00' },
    description: '单摇、双摇与花样跳绳。',
  },
  {
    key: 'pottery',
    name: '陶艺小班',
    category: '手工',
    site: SITE_HOME,
    teacher: '孔窑',
    ageMin: 7,
    ageMax: 12,
    capacity: 3,
    feeYuan: 80,
    admission: 'lottery',
    session: { weekday: SAT, start: '13:00', end: '14:30' },
    description: '拉坯与泥板成型。工作室只有 3 台拉坯机，名额少，报满后抽签。',
  },
  {
    key: 'host',
    name: '小主持人',
    category: '语言表达',
    site: SITE_HOME,
    teacher: '曹朗',
    ageMin: 5,
    ageMax: 9,
    capacity: 12,
    feeYuan: 0,
    admission: 'firstCome',
    session: { weekday: SAT, start: '10:40', end: '11:40' },
    description: '普通话、朗诵与台风训练。',
  },
  {
    key: 'model-aircraft',
    name: '航模小班',
    category: '科技',
    site: SITE_BRANCH,
    teacher: '陆翔',
    ageMin: 8,
    ageMax: 12,
    capacity: 2,
    feeYuan: 60,
    admission: 'firstCome',
    session: { weekday: SUN, start: '12:30', end: '13:50' },
    description: '橡筋动力飞机的制作与试飞。工作台只有 2 套，名额少，满了可以候补。',
  },
]

/** Children holding the 2 seats of 航模小班 (confirmed and paid at seeding); 吴浩然 is also in the 陶艺 lottery. */
const MODEL_AIRCRAFT_SEATS: [parent: string, key: string, name: string, ageYears: number][] = [
  ['u-zheng', 'zheng-kx', '郑可欣', 9.8],
  ['u-wu', 'wu-hr', '吴浩然', 11.3],
]

/** Other families' children: parent, name, age in years (approx.) on the term start; all apply to 陶艺. */
const OTHER_CHILDREN: [parent: string, key: string, name: string, ageYears: number][] = [
  ['u-zhang', 'zhang-zh', '张子涵', 9.5],
  ['u-liu', 'liu-yn', '刘一诺', 8.2],
  ['u-zhou', 'zhou-zx', '周梓轩', 10.1],
  ['u-qian', 'qian-xy', '钱欣怡', 7.6],
  ['u-wu', 'wu-hr', '吴浩然', 11.3],
]

/**
 * Seed rows of the youth palace by table name; `core`: the already-built core seed (people),
 * `nowIso`: the seeding instant.
 */
export function seedYouthPalace(core: CoreSeed, nowIso: string): Rows {
  const today = beijingDate(nowIso)
  let startDate = addDays(today, 20)
  while (weekdayOf(startDate) !== SAT) startDate = addDays(startDate, 1)
  const term: YpTermRecord = {
    id: seededTermId(startDate),
    communityId: 'c-zpq',
    name: termSeason(startDate).name,
    status: 'open',
    startDate,
    endDate: addDays(startDate, 7 * 15 + 1),
    opensAt: addDays(today, -1),
    closesAt: addDays(today, 6),
    createdBy: 'u-zhao',
    createdAt: nowIso,
    openedAt: nowIso,
  }
  const prevStart = addDays(startDate, -7 * 26)
  const previous: YpTermRecord = {
    id: seededTermId(prevStart),
    communityId: 'c-zpq',
    name: termSeason(prevStart).name,
    status: 'drawn',
    startDate: prevStart,
    endDate: addDays(prevStart, 7 * 15 + 1),
    opensAt: addDays(prevStart, -28),
    closesAt: addDays(prevStart, -21),
    createdBy: 'u-zhao',
    createdAt: nowIso,
    openedAt: nowIso,
    closedAt: nowIso,
    drawnAt: nowIso,
  }
  const ypCourses: Record<string, YpCourseRecord> = {}
  for (const { key, feeYuan, session, ...course } of COURSES) {
    const id = `ypc-${key}`
    ypCourses[id] = {
      id,
      termId: term.id,
      communityId: 'c-zpq',
      ...course,
      feeFen: feeYuan * 100,
      sessions: [session],
      createdBy: 'u-zhao',
      createdAt: nowIso,
    }
  }
  const lotteries: YpLotteryRecord[] = Object.values(ypCourses)
    .filter((c) => c.admission === 'lottery')
    .map((c) => newLottery(c, nowIso))

  const bornYearsBefore = (years: number) => addDays(startDate, -Math.round(years * 365.25))
  const child = (id: string, parentId: string, name: string, years: number): YpChildRecord => ({
    id,
    parentId,
    name,
    birthDate: bornYearsBefore(years),
    hardship: false,
    createdAt: nowIso,
    updatedAt: nowIso,
  })
  const ypChildren: Record<string, YpChildRecord> = {
    'ypk-chen-le': child('ypk-chen-le', 'u-chen', '陈乐', 5.4),
    'ypk-chen-yue': child('ypk-chen-yue', 'u-chen', '陈悦', 9.3),
  }
  const ypEnrollments: Record<string, YpEnrollmentRecord> = {}
  OTHER_CHILDREN.forEach(([parentId, key, name, years], i) => {
    if (!core.users[parentId]) return
    const kid = child(`ypk-${key}`, parentId, name, years)
    ypChildren[kid.id] = kid
    const appliedAt = `${term.opensAt}T0${i + 1}:1${i}:00+08:00`
    const id = `ype-seed-${key}`
    ypEnrollments[id] = {
      id,
      childId: kid.id,
      courseId: 'ypc-pottery',
      termId: term.id,
      parentId,
      status: 'pending',
      source: 'apply',
      appliedAt,
      updatedAt: appliedAt,
      checkinSalt: randomSecret(),
    }
  })
  const ypPayments: Record<string, YpPaymentRecord> = {}
  const aircraft = ypCourses['ypc-model-aircraft']
  MODEL_AIRCRAFT_SEATS.forEach(([parentId, key, name, years], i) => {
    if (!core.users[parentId]) return
    const kid = (ypChildren[`ypk-${key}`] ??= child(`ypk-${key}`, parentId, name, years))
    const at = `${term.opensAt}T08:0${i}:00+08:00`
    const id = `ype-seed-aircraft-${key}`
    const paymentId = `pay-seed-aircraft-${key}`
    const nonce = randomSecret().slice(0, 32)
    ypPayments[paymentId] = {
      id: paymentId,
      enrollmentId: id,
      parentId: kid.parentId,
      amountFen: aircraft.feeFen,
      status: 'paid',
      outTradeNo: `MCYP${Date.parse(at)}${nonce.slice(0, 6)}`,
      prepayId: `wx_mock_${nonce.slice(0, 24)}`,
      nonceStr: nonce,
      timeStamp: String(Math.floor(Date.parse(at) / 1000)),
      createdAt: at,
      paidAt: at,
    }
    ypEnrollments[id] = {
      id,
      childId: kid.id,
      courseId: aircraft.id,
      termId: term.id,
      parentId: kid.parentId,
      status: 'confirmed',
      source: 'apply',
      appliedAt: at,
      updatedAt: at,
      confirmedAt: at,
      paymentId,
      checkinSalt: randomSecret(),
    }
  })
  const ypNoShows: Record<string, YpNoShowRecord> = {}
  if (core.users['u-zhang']) {
    for (let i = 0; i < 3; i++) {
      const sessionDate = addDays(previous.startDate, 7 * (i + 2))
      ypNoShows[`ypn-seed-zhang-${i}`] = {
        id: `ypn-seed-zhang-${i}`,
        parentId: 'u-zhang',
        termId: previous.id,
        childId: 'ypk-zhang-zh',
        sessionDate,
        reason: 'absent',
        at: `${sessionDate}T17:00:00+08:00`,
      }
    }
  }
  return {
    [termsTable.name]: [previous, term],
    [coursesTable.name]: Object.values(ypCourses),
    [childrenTable.name]: Object.values(ypChildren),
    [enrollmentsTable.name]: Object.values(ypEnrollments),
    [paymentsTable.name]: Object.values(ypPayments),
    [lotteriesTable.name]: lotteries,
    [noShowsTable.name]: Object.values(ypNoShows),
  }
}
