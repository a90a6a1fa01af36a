/**
 * 一件事 under the weak network: with the backend's seeded fault schedule on (each request has a 30 %
 * chance of each failing kind: timeout, 503, saved-but-the-answer-lost; every request takes 2 s more),
 * answering the newborn questions, ticking an item and booking a window appointment, and cancelling
 * the appointment each complete through the app's own retries (the API wrapper's retries with the same
 * idempotency key, then 重试 / submitting again as a person would, a bounded number of times). Each
 * writes once, keeps what was typed, and the page always says what is happening. What other people did
 * before a journey is set up through the backend directly (`callAs`), with no faults.
 */
import { loginAs } from './harness'
import { expectFaultsMet, faultsOn, persist, retryToasts, rowsOf, seedsFrom, callAs, rowOf } from './harness/faults'

jest.setTimeout(300_000)

/**
 * The seed of each journey's schedule (it restarts from it when faults are turned on). Whatever the seed,
 * the journey's own write also loses its first answer (`faultsOn`'s third argument).
 */
const SEEDS = { oneThing: 42, cancelAppointment: 3 }
const seedOf = seedsFrom(SEEDS)

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday

describe('WeChat build: 一件事 journeys under the seeded fault schedule write once', () => {
  it('一件事: 李红 answers the newborn questions, ticks an item, books a window appointment (one progress, one appointment)', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    const hits = faultsOn(mp, seedOf('oneThing'), /^\/api\/one-thing\/(progress|appointments)/)
    const ROOT = '/packages/one-thing/pages'
    const saved = () => !/正在保存|⚠/.test(mp.page.text())
    await mp.navigateTo(`${ROOT}/questions/index?event=newborn`)
    await persist(mp, 'questions page', () => mp.page.has('q-next'))
    await mp.page.change('q-date', '2026-02-20')
    await mp.page.tap('q-next')
    await persist(mp, 'birth date saved', saved)
    // The answers stay on screen whether or not a save failed.
    expect(mp.page.text()).toContain('2026年2月20日')
    for (const [q, a] of [
      ['parents', 'married'],
      ['localHukou', 'yes'],
      ['motherInsured', 'yes'],
    ]) {
      await mp.page.tap(`q-${q}-${a}`)
      await persist(mp, `answer ${q} saved`, saved)
    }
    expect(mp.page.text()).toContain('问题都回答好了')
    await mp.page.tap('go-checklist')
    await persist(mp, 'checklist page', () => mp.page.has('tick-birth-certificate'))
    await mp.page.tap('tick-birth-certificate')
    await persist(mp, 'tick saved', saved)
    expect(mp.page.text()).toContain('已办 1 项')
    const progress = await rowsOf<{ answers: Record<string, string>; ticked: string[] }>(mp, 'one_thing_progress', {
      userId: 'u-li',
      eventId: 'newborn',
    })
    expect(progress).toHaveLength(1)
    expect(progress[0].answers).toMatchObject({
      birthDate: '2026-02-20',
      parents: 'married',
      localHukou: 'yes',
      motherInsured: 'yes',
    })
    expect(progress[0].ticked).toEqual(['birth-certificate'])

    await mp.navigateTo(`${ROOT}/appointment/index?event=newborn`)
    await persist(mp, 'appointment page', () => mp.page.has('day-2026-03-03'))
    await mp.page.tap('day-2026-03-03')
    await mp.page.tap('slot-0900')
    await mp.page.tap('appointment-submit')
    await persist(
      mp,
      'appointment',
      () => mp.page.text().includes('预约成功'),
      async () => {
        expect(mp.page.get('slot-0900').className).toContain('option-on')
        await mp.page.tap('appointment-submit')
      },
    )
    expect(mp.page.text()).toContain('2026年3月3日（周二） 09:00–10:00')
    const appointments = await rowsOf(mp, 'one_thing_appointments', { userId: 'u-li' })
    expect(appointments).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/one-thing\/(progress|appointments)/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it('一件事: 李红 cancels her window appointment (cancelled once, the page says so or why)', async () => {
    const NOW = Date.parse('2026-03-02T10:00:00+08:00')
    const mp = await loginAs('u-li', { mockNow: NOW })
    const appt = await callAs(mp, 'u-li', 'POST', '/api/one-thing/appointments', {
      eventId: 'newborn',
      hallId: 'hall-zh-district',
      date: '2026-03-03',
      slot: '09:00',
    })
    const hits = faultsOn(mp, seedOf('cancelAppointment'), /\/appointments\/[^/]+\/cancel$/)
    await mp.navigateTo('/packages/one-thing/pages/appointments/index')
    await persist(mp, 'appointments page', () => mp.page.has(`cancel-${appt.id}`))
    await mp.page.tap(`cancel-${appt.id}`)
    await persist(
      mp,
      'cancel appointment',
      () => !mp.page.has(`cancel-${appt.id}`) && mp.page.text().includes('已取消'),
      () => mp.page.tap(`cancel-${appt.id}`),
    )
    expect((await rowOf(mp, 'one_thing_appointments', appt.id))!.status).toBe('cancelled')
    expectFaultsMet(hits, /\/cancel$/)
    expect(mp.errors).toEqual([])
  })
})
