/**
 * Hand-over point between the main package and the embedded backend's own package. The backend's
 * package calls {@link provideEmbedded} when it runs; the main package waits on {@link embeddedModule}.
 * This module is shared by both (webpack puts it in the main package's common chunk), so both sides see
 * the same promise whichever way the package was loaded (WeChat `require.async`, H5 `import()`).
 */
import type { TaroStorageApi } from '@/backend/storage/taro'
import type { Backend } from '@/backend'
import type { InterceptorChain } from '@/backend/interceptor'

/** What the embedded backend's package exports. */
export interface EmbeddedModule {
  /**
   * A backend over Taro storage and the interceptor that answers `/api/...` from it.
   * `opts.freeSpaceAdvice`: where the person frees space on this platform, said when storage is full.
   */
  createEmbedded(
    storage: TaroStorageApi,
    opts?: { freeSpaceAdvice?: string },
  ): { backend: Backend; interceptor: (chain: InterceptorChain) => unknown }
}

let provide: (m: EmbeddedModule) => void = () => {}

/** Resolves once the embedded backend's package has run. */
export const embeddedModule = new Promise<EmbeddedModule>((resolve) => {
  provide = resolve
})

/** Called by the embedded backend's package when it runs. */
export function provideEmbedded(m: EmbeddedModule): void {
  provide(m)
}
