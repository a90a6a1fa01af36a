/** Paging of care-card lists (the card's ledger, a holder's orders): offset cursors. */
import * as v from 'valibot'

/** Query schema of a page: `cursor` (offset) and `limit` (1–50, default 20). */
export const pageQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, '分页参数不正确'))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, '分页参数不正确'))),
})

/** Offset and size of the page `q` asks for (size 1–50, default 20). */
export function pageBounds(q: { cursor?: string; limit?: string }): { offset: number; limit: number } {
  return { offset: Number(q.cursor ?? 0), limit: Math.min(50, Math.max(1, Number(q.limit ?? 20))) }
}
