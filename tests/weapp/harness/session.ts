/** Logging in and out through the app's own pages, for WeChat harness journeys. */
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { MiniProgram } from './mini-program'

/** The seeded (fictional) ID number of a person, by name. */
export const seededIdNumber = (name: string) => idNumberOf(PEOPLE.find((p) => p.name === name)!)

export interface LoginOptions {
  /** Storage kept from an earlier launch (the backend and the session live in it). */
  storage?: Map<string, string>
  /**
   * Mock time (epoch ms) to set right after launch. The backend keeps mock time in its data: a launch on
   * kept `storage` without it starts from the mock time saved there.
   */
  mockNow?: number | null
  /** Record the app's requests to the embedded backend in `mp.requests`. */
  recordRequests?: boolean
}

/** Leaves the current session through 我的 → 退出登录. */
export async function logout(mp: MiniProgram): Promise<void> {
  await mp.switchTab('/pages/me/index')
  await mp.page.tap('退出登录')
  await mp.settle()
}

/**
 * Launches the app and logs in as a seeded persona through the login page (privacy notice first);
 * logs out first if a session was kept in `storage`. Faults an earlier launch turned on in the kept
 * backend data (`faultsOn`) are turned off first: each journey turns on its own.
 */
export async function loginAs(userId: string, opts: LoginOptions = {}): Promise<MiniProgram> {
  const mp = await MiniProgram.launch({
    storage: opts.storage,
    recordRequests: opts.recordRequests,
    faultsOff: !!opts.storage,
  })
  if (opts.mockNow != null) mp.backend().clock.set(opts.mockNow)
  if (mp.page.route !== 'pages/login/index') await logout(mp)
  if (mp.page.has('accept-privacy')) await mp.page.tap('accept-privacy')
  await mp.page.tap(`persona-${userId}`)
  if (mp.page.route !== 'pages/index/index')
    throw new Error(`login as ${userId} ended on ${mp.page.route}: ${mp.page.text().slice(0, 200)}`)
  return mp
}

/**
 * On 31 December (Beijing time) the demo seeds no lunch booked for tomorrow, since tomorrow is in the
 * next credit year (the card's credit lapses on 31 December). Journeys that start from that lunch call
 * this in their file: on that one day their launches run a day earlier (`MiniProgram.wallClockShiftMs`).
 */
export function avoidLastDayOfCreditYear(): void {
  const beijingMonthDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10)
  MiniProgram.wallClockShiftMs = beijingMonthDay === '12-31' ? -24 * 3600_000 : 0
}
