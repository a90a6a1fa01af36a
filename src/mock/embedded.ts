/**
 * The embedded demo backend as its own package: on WeChat the subpackage `packages/demo-backend`
 * (a separate webpack entry, loaded with `require.async`, see config/index.ts), on H5 a dynamic
 * `import()` chunk. Running this module hands the backend's factory to the main package.
 */
import { createBackend } from '@/backend'
import { createMockInterceptor } from '@/backend/interceptor'
import { taroStorage } from '@/backend/storage/taro'
import { provideEmbedded, type EmbeddedModule } from './registry'

/** Creates the backend over Taro storage and its interceptor. */
export const createEmbedded: EmbeddedModule['createEmbedded'] = (storage, opts = {}) => {
  const backend = createBackend({ storage: taroStorage(storage, 'mc:', opts.freeSpaceAdvice) })
  return { backend, interceptor: createMockInterceptor(backend) }
}

provideEmbedded({ createEmbedded })
