/**
 * Phone orders (issue 27 item 2): an elder (or their family) calls the 96345 hotline or the community,
 * and a worker of the elder's community keys the booking in. It goes through the app's own booking path
 * (`bookSlot`: the same card, hold, capacity, lead-time and one-per-slot rules), stored with channel
 * `phone` (电话预约 · 96345) and the caller's phone; the elder and their family proxies are told, and the
 * act goes into the worker's 代办 log. No standing authorisation is needed: the call itself is the
 * elder's request for this one booking (a standing authorisation is for the worker acting on their own
 * initiative); the caller's number is kept so the call can be checked.
 */
import * as v from 'valibot'
import { CARE_SERVICE_KIND_LABELS } from '@/domain/care-card/kinds'
import { formatDateTimeCn } from '@/domain/shared/time'
import { forbidden, notFound } from '@/backend/core/http'
import type { Route, RouteContext } from '@/backend/core/router'
import { recordWorkerAct } from '@/backend/proxy-acts'
import { workerRoute } from './common'
import { refreshCard } from './ledger'
import { bookSlot } from './orders'
import { orderView } from './order-views'

/** A phone number as callers give it: 7–20 digits, with `-` allowed between groups. */
const PHONE = /^\d[\d-]{5,18}\d$/

export const phoneOrderRoutes: Route[] = [
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/phone-orders',
    input: v.object({
      principalId: v.pipe(v.string('请先找到老人'), v.minLength(1, '请先找到老人'), v.maxLength(64)),
      slotId: v.pipe(v.string('请选择服务时间'), v.minLength(1, '请选择服务时间'), v.maxLength(80, '服务时间不正确')),
      callerPhone: v.pipe(v.string('请填写来电号码'), v.trim(), v.regex(PHONE, '请填写正确的来电号码（手机或座机）')),
    }),
    handler: async (ctx) => {
      const elder = await ctx.tx.core.users.get(ctx.body.principalId)
      if (!elder || elder.deletedAt) throw notFound('没有找到这位老人')
      if (elder.communityId !== ctx.user.communityId)
        throw forbidden('只能为本社区的老人录入电话预约', 'OTHER_COMMUNITY')
      // The booking runs as the elder's, with the worker recorded as the one who acted for them.
      const asElder: RouteContext = { ...ctx, principal: elder, proxyKind: 'worker' }
      await refreshCard(asElder, elder.id)
      const order = await bookSlot(asElder, ctx.body.slotId, { callerPhone: ctx.body.callerPhone })
      const service = await ctx.tx.careCard.services.get(order.serviceId)
      const what = `电话预约 · 96345：${service ? `${CARE_SERVICE_KIND_LABELS[service.kind]} ${service.name}` : '服务'}，${formatDateTimeCn(order.startAt)}`
      await recordWorkerAct(ctx.tx.core, ctx.user, elder, what, undefined, ctx.nowIso)
      return orderView(asElder, order)
    },
  }),
]
