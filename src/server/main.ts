/**
 * `npm run server`: the shared server on 127.0.0.1 (`PORT`, default 3001; `PORT=0` takes a free port).
 * Once it listens it prints one line on stdout, `现代社区 server listening on http://127.0.0.1:<port> (…)`,
 * which tests and scripts read to learn the port. By default over embedded PGlite with its data in
 * `.data/pg` (photos in `.data/blobs`), seeded with the demo on first start; with
 * `DATABASE_URL=postgres://…` over PostgreSQL. A PGlite folder is opened by one process only
 * (`folder-lock.ts`): a second one is refused with a clear message (two processes on one folder would
 * lose each other's writes), while a restart after the holder was killed goes ahead at once.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../backend/core/rate-limits'
import { buildApp } from './app'
import { createSqlBackend } from './backend'
import { fileBlobStore } from './blobs'
import { pgliteDriver, postgresDriver, type SqlDriver } from './drivers'
import { FolderBusyError, lockFolder } from './folder-lock'
import type { SqlStore } from './sql-store'

const SWEEP_EVERY_MS = 3600_000

export interface ServerConfig {
  port: number
  host: string
  databaseUrl?: string
  /**
   * Whether the demo's `/api/dev/…` routes (mock time, faults, reset the data) are served. They need no
   * login, so they are on only for the demo: by default on PGlite, off on PostgreSQL; `DEMO=1` / `DEMO=0`
   * decides explicitly.
   */
  demo: boolean
  dataDir: string
  /** Rate limits per user and per IP (default `DEFAULT_RATE_LIMITS`; tests lower them). */
  rateLimits?: RateLimits
}

/** The configuration from the environment. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3001)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.DEMO ? env.DEMO === '1' : !env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
  }
}

/** Opens the database (taking PGlite's folder lock), migrates, and listens. Resolves with a stop function. */
export async function startServer(config: ServerConfig): Promise<{ url: string; stop(): Promise<void> }> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  let release: (() => Promise<void>) | null = null
  let driver: SqlDriver
  if (config.databaseUrl) {
    driver = await postgresDriver(config.databaseUrl)
  } else {
    const pgDir = path.join(config.dataDir, 'pg')
    fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 })
    try {
      release = await lockFolder(pgDir)
    } catch (e) {
      if (!(e instanceof FolderBusyError)) throw e
      throw new Error(
        `另一个服务进程正在使用 ${pgDir}（PGlite 只能由一个进程打开）。请先停止它，或用 DATA_DIR 指定另一个数据目录，或设置 DATABASE_URL 使用 PostgreSQL。`,
      )
    }
    driver = await pgliteDriver(pgDir)
  }
  const backend = await createSqlBackend({
    driver,
    blobs: fileBlobStore(path.join(config.dataDir, 'blobs')),
    devRoutes: config.demo,
    rateLimits: config.rateLimits ?? DEFAULT_RATE_LIMITS,
  })
  const app = buildApp(backend)
  const url = await app.listen({ port: config.port, host: config.host })
  // Photos written by transactions that then failed (or by a process killed before its commit).
  const store = backend.store as SqlStore
  const sweep = setInterval(() => void store.sweepOrphanImages(Date.now()).catch(() => undefined), SWEEP_EVERY_MS)
  sweep.unref()
  return {
    url,
    stop: async () => {
      clearInterval(sweep)
      await app.close()
      await driver.close()
      if (release) await release()
    },
  }
}

if (require.main === module) {
  const config = configFromEnv()
  startServer(config).then(
    (s) => {
      console.log(
        `现代社区 server listening on ${s.url} (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${path.join(config.dataDir, 'pg')}`})`,
      )
      const stop = () => s.stop().then(() => process.exit(0))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    },
    (e) => {
      console.error((e as Error).message)
      process.exit(1)
    },
  )
}
