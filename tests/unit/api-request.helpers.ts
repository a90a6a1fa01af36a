export { apiRequest, configureApi, onApiRetry } from '@/api/request'
export { ApiError } from '@/api/errors'
import type { Backend } from '@/backend'

/** The family links stored in a backend (test inspection). */
export const familyLinksForTest = (b: Backend) => b.inspect('family_links')
