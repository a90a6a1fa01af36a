/** Logging in and out through the app's own pages, for WeChat harness journeys. */
import { buildSeed } from '@/backend/seed'
import { MiniProgram } from './mini-program'

const seed = buildSeed('2026-03-02T10:00:00+08:00')

/** The seeded (fictional) ID number of a person, by name. */
export const seededIdNumber = (name: string) =>
  Object.values(seed.populationRegister).find((p) => p.name === name)!.idNumber

export interface LoginOptions {
  /** Storage kept from an earlier launch (the backend and the session live in it). */
  storage?: Map<string, string>
  /** Mock time (epoch ms) to set right after launch: test-set time is not persisted across launches. */
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
 * logs out first if a session was kept in `storage`.
 */
export async function loginAs(userId: string, opts: LoginOptions = {}): Promise<MiniProgram> {
  const mp = await MiniProgram.launch({ storage: opts.storage, recordRequests: opts.recordRequests })
  if (opts.mockNow != null) mp.backend().clock.set(opts.mockNow)
  if (mp.page.route !== 'pages/login/index') await logout(mp)
  if (mp.page.has('accept-privacy')) await mp.page.tap('accept-privacy')
  await mp.page.tap(`persona-${userId}`)
  if (mp.page.route !== 'pages/index/index')
    throw new Error(`login as ${userId} ended on ${mp.page.route}: ${mp.page.text().slice(0, 200)}`)
  return mp
}
