/** Mock-mode dev panel: mock time, fault injection, demo reset. Served only when `devRoutes` is on. */
import * as v from 'valibot'
import type { DevStateDto } from '@/domain/shared/contracts'
import { DEFAULT_FAULTS, FAULT_KINDS } from '../core/faults'
import { route, type Route, type RouteContext } from '../core/router'
import { beijingIso, inBeijing } from '@/domain/shared/time'
import { badRequest } from '../core/http'

const DAY = 86_400_000

const state = (ctx: RouteContext): DevStateDto => ({
  nowIso: beijingIso(ctx.clock.now()),
  clockOffsetMs: ctx.demo.clockOffsetMs,
  faultsEnabled: ctx.demo.faults.enabled,
  faultRate: ctx.demo.faults.rate,
  latencyMs: ctx.demo.faults.latencyMs,
})

export const devRoutes: Route[] = [
  route({ method: 'GET', path: '/api/dev/state', access: 'dev', handler: state }),
  route({
    method: 'POST',
    path: '/api/dev/clock',
    access: 'dev',
    input: v.object({
      setIso: v.optional(
        v.pipe(
          v.string(),
          v.regex(
            /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?$/,
            '时间格式应为 2026-03-01 或 2026-03-01T09:00:00+08:00',
          ),
        ),
      ),
      advanceDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-3650), v.maxValue(3650))),
      advanceMonths: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-120), v.maxValue(120))),
      advanceMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-525600), v.maxValue(525600))),
      reset: v.optional(v.boolean()),
    }),
    handler: async (ctx) => {
      const { clock, body, demo } = ctx
      if (body.reset) await demo.setNow(clock.now() - demo.clockOffsetMs)
      if (body.setIso) {
        const iso = body.setIso.length === 10 ? `${body.setIso}T09:00:00+08:00` : body.setIso
        const t = inBeijing(iso).valueOf()
        if (Number.isNaN(t)) throw badRequest('时间格式不正确')
        await demo.setNow(t)
      }
      if (body.advanceDays) await demo.setNow(clock.now() + body.advanceDays * DAY)
      if (body.advanceMinutes) await demo.setNow(clock.now() + body.advanceMinutes * 60_000)
      if (body.advanceMonths) await demo.setNow(inBeijing(clock.now()).add(body.advanceMonths, 'month').valueOf())
      return state(ctx)
    },
  }),
  route({
    method: 'POST',
    path: '/api/dev/faults',
    access: 'dev',
    input: v.object({
      enabled: v.boolean(),
      rate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
      latencyMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30_000))),
      seed: v.optional(v.pipe(v.number(), v.integer())),
      kinds: v.optional(v.array(v.picklist(FAULT_KINDS))),
    }),
    handler: async (ctx) => {
      const { enabled, rate, latencyMs, seed, kinds } = ctx.body
      const patch = Object.fromEntries(
        Object.entries({ enabled, rate, latencyMs, seed, kinds }).filter(([, x]) => x !== undefined),
      )
      await ctx.demo.configureFaults(patch)
      return state(ctx)
    },
  }),
  route({
    method: 'POST',
    path: '/api/dev/reset',
    access: 'dev',
    handler: (ctx) => {
      ctx.demo.reset()
      // The state after the reset: real time, default fault settings.
      return {
        nowIso: beijingIso(ctx.clock.now() - ctx.demo.clockOffsetMs),
        clockOffsetMs: 0,
        faultsEnabled: DEFAULT_FAULTS.enabled,
        faultRate: DEFAULT_FAULTS.rate,
        latencyMs: DEFAULT_FAULTS.latencyMs,
      } satisfies DevStateDto
    },
  }),
]
