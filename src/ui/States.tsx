import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ApiError, canRetry, errorMessage } from '../api'
import { goToLogin } from './auth'
import { Button } from './Button'

/** Loading placeholder: grey bars where content will be, and words for screen readers. */
export function Loading({ lines = 3 }: { lines?: number }) {
  return (
    <View className="skeleton" role="status" aria-label="正在加载">
      <View className="sr-only">正在加载…</View>
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} className="skeleton-line" />
      ))}
    </View>
  )
}

/** Nothing to show: says so and what to do. */
export function Empty({ text, action, onAction }: { text: string; action?: string; onAction?: () => void }) {
  return (
    <View className="empty">
      <View className="empty-text">{text}</View>
      {action && onAction && (
        <Button kind="secondary" onTap={onAction}>
          {action}
        </Button>
      )}
    </View>
  )
}

/**
 * A failure next to where it happened, with its reason in words and, where trying again can help, a
 * 重试. Pass the thrown value as `cause`: a refusal (4xx: 403, 409, 422…) gets no 重试, because it would
 * only be refused again (the text says what to do instead); a 401 offers 去登录, which comes back here.
 */
export function ErrorNote({ text, cause, onRetry }: { text: string; cause?: unknown; onRetry?: () => void }) {
  const loginNeeded = cause instanceof ApiError && cause.status === 401
  return (
    <View className="error-note" role="alert">
      <View className="error-text">⚠ {text}</View>
      {loginNeeded && (
        <Button kind="secondary" onTap={goToLogin}>
          去登录
        </Button>
      )}
      {!loginNeeded && onRetry && (cause === undefined || canRetry(cause)) && (
        <Button kind="secondary" onTap={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}

/** A section with a title. */
export function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <View className="section" {...(id ? { id } : {})}>
      <View className="section-title" role="heading" aria-level={2}>
        {title}
      </View>
      <View className="card">{children}</View>
    </View>
  )
}

/** What `Loaded` shows from: a `useLoader` result, or the same four values of a store slice. */
export interface LoadedSource<T> {
  data: T | null
  cause: unknown
  loading: boolean
  reload: () => unknown
}

/**
 * The loading / failure / empty trio for a page's data: the skeleton (`lines` bars) until the first
 * answer, the failure in words with 重试 (`ErrorNote`, which leaves it out after a refusal), `empty`
 * said when the data came back empty (`isEmpty`; by default an empty list), else `children(data)`.
 * Data already on screen stays while reloading.
 *
 *   <Loaded of={orders} empty="还没有预约。">{(list) => list.map(…)}</Loaded>
 */
export function Loaded<T>({
  of,
  lines,
  empty,
  isEmpty = (d) => Array.isArray(d) && d.length === 0,
  children,
}: {
  of: LoadedSource<T>
  lines?: number
  empty?: string
  isEmpty?: (data: T) => boolean
  children?: (data: T) => ReactNode
}) {
  const { data, cause, loading, reload } = of
  return (
    <>
      {loading && data === null && <Loading lines={lines} />}
      {!!cause && <ErrorNote text={errorMessage(cause)} cause={cause} onRetry={() => void reload()} />}
      {data !== null && (empty !== undefined && isEmpty(data) ? <Empty text={empty} /> : children?.(data))}
    </>
  )
}
