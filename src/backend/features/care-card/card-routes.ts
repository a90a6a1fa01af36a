/**
 * The card home and the services of the principal's community with their slots (domain.md §1 PRODUCT
 * use). A confirmed family proxy may read them.
 */
import type { CareServiceDto } from '@/domain/care-card/contracts'
import { notFound } from '@/backend/core/http'
import type { Route } from '@/backend/core/router'
import { findService, serviceDto, slotsOf } from './catalog'
import { careRoute, ownCard } from './common'
import { cardHome } from './ledger'
import { pageQuery } from './paging'

/** Resident routes of the card home and the services (all allow a confirmed proxy). */
export const cardRoutes: Route[] = [
  careRoute({
    method: 'GET',
    path: '/api/care-card',
    input: pageQuery,
    handler: async (ctx) => cardHome(ctx, await ownCard(ctx), ctx.body),
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/services',
    handler: async (ctx) => {
      const out: CareServiceDto[] = []
      for (const p of await ctx.tx.careCard.providersOf(ctx.principal.communityId)) {
        for (const s of await ctx.tx.careCard.servicesOf(p.id)) out.push(serviceDto(p, s))
      }
      return out
    },
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/services/:serviceId/slots',
    handler: async (ctx) => {
      const found = await findService(ctx, ctx.params.serviceId)
      if (!found || found.provider.communityId !== ctx.principal.communityId)
        throw notFound('没有找到这项服务', 'NO_SUCH_SERVICE')
      return slotsOf(ctx, found.service, ctx.clock.now())
    },
  }),
]
