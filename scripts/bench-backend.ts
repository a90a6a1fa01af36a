/**
 * Mocked-backend figures for the benchmark: the time to load the seeded database from storage, and the
 * median latency of each route (simulated latency and faults off) over every successful call the
 * backend route tests make in process (tests/unit/backend/client.ts records them when
 * `BENCH_ROUTES_OUT` is set). Runs in Node on the same handlers the app embeds.
 */
import fs from 'node:fs'
import { createBackend, ROUTES } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { memoryStorage } from '@/backend/storage/memory'

/** One route's figures: `METHOD /pattern`, successful calls timed, median and worst in ms. */
export interface RouteTiming {
  route: string
  calls: number
  medianMs: number
  maxMs: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const T0 = Date.UTC(2026, 10, 30, 2, 0, 0) // 2026-11-30 10:00 Beijing

/** Loads the seeded database from storage `times` times; returns median ms and the stored size in bytes. */
export function timeLoad(times = 9): { medianMs: number; bytes: number; keys: number } {
  const storage = memoryStorage()
  createBackend({ storage, clock: fixedClock(T0) }) // seeds and saves
  const bytes = [...storage.data.entries()].reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v), 0)
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const copy = memoryStorage(Object.fromEntries(storage.data))
    const t = performance.now()
    createBackend({ storage: copy, clock: fixedClock(T0) })
    ms.push(performance.now() - t)
  }
  return { medianMs: median(ms), bytes, keys: storage.data.size }
}

/** Per-route medians from the JSON lines `{ route, status, ms }` the route tests wrote; 2xx calls only. */
export function routeTimings(file: string): { timings: RouteTiming[]; untimed: string[] } {
  const lines = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { route: string; status: number; ms: number })
  const byRoute = new Map<string, number[]>()
  for (const l of lines) if (l.status < 300) byRoute.set(l.route, [...(byRoute.get(l.route) ?? []), l.ms])
  const timings = [...byRoute.entries()]
    .map(([route, ms]) => ({ route, calls: ms.length, medianMs: median(ms), maxMs: Math.max(...ms) }))
    .sort((a, b) => b.medianMs - a.medianMs)
  const untimed = ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !byRoute.has(r))
  return { timings, untimed }
}
