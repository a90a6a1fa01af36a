/** The app's typed API: one function per endpoint, all through `apiRequest`. */
export { ApiError, canRetry, errorMessage } from './errors'
export { newIdempotencyKey, onApiRetry } from './request'
export * from './endpoints/auth'
export * from './endpoints/me'
export * from './endpoints/family'
export * from './endpoints/messages'
export * from './endpoints/dev'
