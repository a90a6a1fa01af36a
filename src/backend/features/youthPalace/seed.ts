/**
 * Youth palace seed for 总浦桥社区 (c-zpq), dated from the seed's `nowIso`: a spring term whose
 * registration opened yesterday and closes in 6 days, teaching from the first Saturday ≥ 20 days later
 * for 16 weekends; 12 weekend courses at two sites; 陈乐 (5) and 陈悦 (9) for u-chen; five other
 * families' children, five of them already in the 3-seat 陶艺小班 lottery (over-subscribed once 陈悦 joins);
 * the previous (autumn) term with 3 no-shows for u-zhang's family, so they lose resident priority.
 */
import { addDays, beijingDate } from '../../../domain/time'
import type { Weekday } from '../../../domain/youthPalaceTypes'
import type { CoreCollections } from '../../model'
import { newLottery } from './lottery'
import type { YouthPalaceCollections, YpChildRecord, YpCourseRecord, YpEnrollmentRecord, YpTermRecord } from './model'
import { randomHex } from './store'

const SITE_HOME = '总浦桥社区文化家园'
const SITE_BRANCH = '招宝山街道青少年宫分校'
const SAT: Weekday = 6
const SUN: Weekday = 0

/** Weekday (0 = Sunday) of a `YYYY-MM-DD` date. */
const weekdayOf = (date: string) => { const [y, m, d] = date.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)).getUTCDay() }

/** A term's name from its start month: 春季 (Mar–Jun), 暑期 (Jul–Aug), 秋季 otherwise. */
function termName(startDate: string): string {
  const month = Number(startDate.slice(5, 7))
  const season = month >= 3 && month <= 6 ? '春季' : month >= 7 && month <= 8 ? '暑期' : '秋季'
  const year = month <= 2 ? Number(startDate.slice(0, 4)) - 1 : Number(startDate.slice(0, 4))
  return `${year}年${season}学期`
}

type CourseSeed = [key: string, name: string, category: string, site: string, teacher: string, ageMin: number, ageMax: number,
  capacity: number, feeYuan: number, admission: 'lottery' | 'firstCome', weekday: Weekday, start: string, end: string, description: string]

const COURSES: CourseSeed[] = [
  ['calligraphy', '书法', '书画', SITE_HOME, '沈墨林', 7, 12, 18, 0, 'firstCome', SAT, '09:00', '10:30', '硬笔与毛笔楷书入门，练坐姿与握笔。'],
  ['drawing', '创意绘画', '书画', SITE_HOME, '蒋彩云', 4, 6, 12, 80, 'firstCome', SAT, '09:00', '10:30', '油画棒、水彩与手工拼贴，材料费含在学费里。'],
  ['latin', '拉丁舞', '舞蹈', SITE_BRANCH, '韩悦', 4, 8, 12, 120, 'firstCome', SAT, '10:00', '11:30', '恰恰、伦巴基本步，练节奏感和体态。'],
  ['chinese-dance', '中国舞', '舞蹈', SITE_HOME, '杨柳', 4, 6, 12, 0, 'firstCome', SUN, '09:00', '10:00', '中国舞考级教材一至二级。'],
  ['go', '围棋', '棋类', SITE_BRANCH, '秦弈', 6, 12, 16, 0, 'lottery', SUN, '10:00', '11:30', '从吃子到死活，每节课有对局练习。'],
  ['taekwondo', '跆拳道', '体育', SITE_BRANCH, '许刚', 6, 14, 20, 120, 'firstCome', SAT, '14:00', '15:30', '礼仪、基本腿法与体能，需自备道服。'],
  ['robotics', '编程与机器人', '科技', SITE_BRANCH, '何思远', 8, 14, 15, 120, 'lottery', SUN, '14:00', '15:30', '图形化编程与积木机器人，学期末有小比赛。'],
  ['science', '科学实验', '科技', SITE_HOME, '吕知行', 6, 10, 16, 80, 'firstCome', SUN, '15:20', '16:50', '每周一个动手小实验，安全第一。'],
  ['table-tennis', '乒乓球', '体育', SITE_HOME, '施国栋', 7, 14, 16, 0, 'firstCome', SAT, '15:20', '16:50', '握拍、发球与正反手攻球。'],
  ['rope', '跳绳', '体育', SITE_HOME, '张跃', 5, 10, 12, 0, 'firstCome', SUN, '08:00', '09:00', '单摇、双摇与花样跳绳。'],
  ['pottery', '陶艺小班', '手工', SITE_HOME, '孔窑', 7, 12, 3, 80, 'lottery', SAT, '13:00', '14:30', '拉坯与泥板成型。工作室只有 3 台拉坯机，名额少，报满后抽签。'],
  ['host', '小主持人', '语言表达', SITE_HOME, '曹朗', 5, 9, 12, 0, 'firstCome', SAT, '10:40', '11:40', '普通话、朗诵与台风训练。'],
]

/** Other families' children: parent, name, age in years (approx.) on the term start; all apply to 陶艺. */
const OTHER_CHILDREN: [parent: string, key: string, name: string, ageYears: number][] = [
  ['u-zhang', 'zhang-zh', '张子涵', 9.5],
  ['u-liu', 'liu-yn', '刘一诺', 8.2],
  ['u-zhou', 'zhou-zx', '周梓轩', 10.1],
  ['u-qian', 'qian-xy', '钱欣怡', 7.6],
  ['u-wu', 'wu-hr', '吴浩然', 11.3],
]

/** Seed data of the youth palace; `core` is the already-built core seed. */
export function seedYouthPalace(nowIso: string, core: CoreCollections): YouthPalaceCollections {
  const today = beijingDate(nowIso)
  const nowMs = Date.parse(nowIso)
  let startDate = addDays(today, 20)
  while (weekdayOf(startDate) !== SAT) startDate = addDays(startDate, 1)
  const term: YpTermRecord = {
    id: 'ypt-zpq-spring', communityId: 'c-zpq', name: termName(startDate), status: 'open',
    startDate, endDate: addDays(startDate, 7 * 15 + 1), opensAt: addDays(today, -1), closesAt: addDays(today, 6),
    createdBy: 'u-zhao', createdAt: nowIso, openedAt: nowIso,
  }
  const prevStart = addDays(startDate, -7 * 26)
  const previous: YpTermRecord = {
    id: 'ypt-zpq-previous', communityId: 'c-zpq', name: termName(prevStart), status: 'drawn',
    startDate: prevStart, endDate: addDays(prevStart, 7 * 15 + 1), opensAt: addDays(prevStart, -28), closesAt: addDays(prevStart, -21),
    createdBy: 'u-zhao', createdAt: nowIso, openedAt: nowIso, closedAt: nowIso, drawnAt: nowIso,
  }
  const ypCourses: Record<string, YpCourseRecord> = {}
  for (const [key, name, category, site, teacher, ageMin, ageMax, capacity, feeYuan, admission, weekday, start, end, description] of COURSES) {
    const id = `ypc-${key}`
    ypCourses[id] = {
      id, termId: term.id, communityId: 'c-zpq', name, category, site, teacher, description, ageMin, ageMax, capacity,
      feeFen: feeYuan * 100, admission, sessions: [{ weekday, start, end }], createdBy: 'u-zhao', createdAt: nowIso,
    }
  }
  const ypLotteries: YouthPalaceCollections['ypLotteries'] = {}
  for (const c of Object.values(ypCourses)) if (c.admission === 'lottery') ypLotteries[c.id] = newLottery(c, nowIso, nowMs)

  const bornYearsBefore = (years: number) => addDays(startDate, -Math.round(years * 365.25))
  const child = (id: string, parentId: string, name: string, years: number): YpChildRecord =>
    ({ id, parentId, name, birthDate: bornYearsBefore(years), hardship: false, createdAt: nowIso, updatedAt: nowIso })
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
      id, childId: kid.id, courseId: 'ypc-pottery', termId: term.id, parentId, status: 'pending', source: 'apply',
      appliedAt, updatedAt: appliedAt, checkinSalt: randomHex(nowMs + i),
    }
  })
  const ypNoShows: YouthPalaceCollections['ypNoShows'] = {}
  if (core.users['u-zhang']) {
    for (let i = 0; i < 3; i++) {
      const sessionDate = addDays(previous.startDate, 7 * (i + 2))
      ypNoShows[`ypn-seed-zhang-${i}`] = { id: `ypn-seed-zhang-${i}`, parentId: 'u-zhang', termId: previous.id, childId: 'ypk-zhang-zh', sessionDate, reason: 'absent', at: `${sessionDate}T17:00:00+08:00` }
    }
  }
  return {
    ypTerms: { [previous.id]: previous, [term.id]: term },
    ypCourses, ypChildren, ypEnrollments, ypPayments: {}, ypLotteries, ypAttendance: {}, ypNoShows,
  }
}
