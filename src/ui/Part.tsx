import type { ReactNode } from 'react'
import { ApiError, canRetry, errorMessage } from '../api'
import { ErrorNote, Loading } from './States'

/**
 * What a part of a page loads from: a `useLoader` result, or a store slice in the same shape. `data` is
 * null until the first answer; `cause` is the last failure (null while loading or after a success).
 */
export interface PartSource<T> {
  data: T | null
  cause: unknown
  loading: boolean
  reload: () => unknown
}

type DataOf<S> = S extends PartSource<infer T> ? T : never
type Sources = readonly [PartSource<unknown>, ...PartSource<unknown>[]]

/**
 * What a person reads when a part of a page did not load: the network or the server failed (a 重试
 * can help), else the refusal's own words (no access, not found: the reason from the server).
 * `what` names the part ("联合发起人名单"); "这部分" by default.
 */
export function partFailureText(cause: unknown, what = '这部分'): string {
  if (cause instanceof ApiError && !canRetry(cause)) return errorMessage(cause)
  const why = cause instanceof ApiError && cause.status >= 500 ? '服务暂时繁忙' : '网络不稳'
  return `${why}，${what}没加载出来`
}

/**
 * One part of a page that loads on its own, from one or more sources: its skeleton until all of its
 * data is there, then `children(...data)` at once, whatever the rest of the page is still doing. When a
 * source fails, the part says so with its own 重试, which reloads only the sources that failed (the
 * others keep what they have); data already on screen stays when a later reload fails.
 *
 * ```tsx
 * <Part of={[units, rooms]} what="联合发起人名单">{(u, r) => …}</Part>
 * ```
 */
export function Part<S extends Sources>({
  of,
  what,
  lines = 2,
  children,
}: {
  of: S
  what?: string
  /** Skeleton lines while loading. */
  lines?: number
  children: (...data: { [K in keyof S]: DataOf<S[K]> }) => ReactNode
}) {
  const failed = of.filter((s) => !!s.cause && !s.loading)
  const ready = of.every((s) => s.data !== null)
  // A refusal (4xx) is the final word for the whole part; a failure that a retry may mend comes next.
  const shown = (failed.find((s) => !canRetry(s.cause)) ?? failed[0])?.cause
  return (
    <>
      {shown !== undefined && (
        <ErrorNote
          text={partFailureText(shown, what)}
          cause={shown}
          onRetry={() => {
            for (const s of failed) s.reload()
          }}
        />
      )}
      {!ready && of.some((s) => s.data === null && s.loading) && <Loading lines={lines} />}
      {ready && children(...(of.map((s) => s.data) as { [K in keyof S]: DataOf<S[K]> }))}
    </>
  )
}
