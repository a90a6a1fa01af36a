import { View } from '@tarojs/components'
import { ApiError, canRetry } from '../api'
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
