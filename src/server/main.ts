/**
 * `npm run server`: the shared server on 127.0.0.1 (`PORT`, default 3001; `PORT=0` takes a free port).
 * Once it listens it prints one line on stdout, `现代社区 server listening on http://127.0.0.1:<port> (…)`,
 * which tests and scripts read to learn the port. By default over embedded PGlite with its data in
 * `.data/pg` (photos in `.data/blobs`), seeded with the demo on first start; with
 * `DATABASE_URL=postgres://…` over PostgreSQL. A PGlite folder is opened by one process only
 * (`folder-lock.ts`): a second one is refused with a clear message (two processes on one folder would
 * lose each other's writes), while a restart after the holder was killed goes ahead at once.
 * The data folder, PGlite's folder and the photo folder are readable by the server's user only
 * (folders 0700, files 0600; PIPL art. 51).
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildApp } from './app'
import { createSqlBackend } from './backend'
import { fileBlobStore } from './blobs'
import { pgliteDriver, postgresDriver, type SqlDriver } from './drivers'
import { FolderBusyError, lockFolder } from './folder-lock'
import { demoPiiKeys, piiKeysFromEnv, type PiiKeys } from './pii'
import type { SqlStore } from './sql-store'

const SWEEP_EVERY_MS = 3600_000
/** How often the data folder's files are set back to 0600 (PGlite creates its files 0666). */
const RESTRICT_EVERY_MS = 5 * 60_000

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
  /** The keys of ID numbers at rest (`PII_KEY`, `PII_HASH_KEY`, `PII_PREVIOUS_KEYS`; `pii.ts`). */
  pii: PiiKeys
}

/**
 * The keys of ID numbers at rest from the environment. Stopgap until the configuration module reads
 * them: when neither `PII_KEY` nor `PII_HASH_KEY` is set, outside `NODE_ENV=production` the demo's
 * fixed keys (`demoPiiKeys`, NOT secret: a demo or a test only), announced on stderr.
 * @throws Error naming `PII_KEY` and `PII_HASH_KEY` in production without them, or a malformed key
 */
function piiKeysOf(env: NodeJS.ProcessEnv): PiiKeys {
  const keys = piiKeysFromEnv(env)
  if (keys) return keys
  if (env.NODE_ENV === 'production')
    throw new Error('生产模式需要设置 PII_KEY 和 PII_HASH_KEY（各为 32 字节随机数的 base64）')
  console.warn('未设置 PII_KEY / PII_HASH_KEY：身份证号码用演示密钥加密，仅供演示和测试')
  return demoPiiKeys()
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
    pii: piiKeysOf(env),
  }
}

/** Opens the database (taking PGlite's folder lock), migrates, and listens. Resolves with a stop function. */
export async function startServer(config: ServerConfig): Promise<{ url: string; stop(): Promise<void> }> {
  // Whatever this process creates from now on (photos, the lock) is the user's only. PGlite (Emscripten's
  // file system) creates its files 0666 whatever the umask: the 0700 folders keep others out, and its
  // files are set to 0600 after start, every few minutes and at stop.
  process.umask(0o077)
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  restrictToOwner(config.dataDir)
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
    pii: config.pii,
  })
  const app = buildApp(backend)
  const url = await app.listen({ port: config.port, host: config.host })
  // Photos written by transactions that then failed (or by a process killed before its commit).
  const store = backend.store as SqlStore
  const sweep = setInterval(() => void store.sweepOrphanImages(Date.now()).catch(() => undefined), SWEEP_EVERY_MS)
  sweep.unref()
  const restrict = () => {
    try {
      restrictToOwner(config.dataDir)
    } catch {
      // A file removed while walking (a WAL segment recycled): the next round sets the rest.
    }
  }
  restrict()
  const modes = setInterval(restrict, RESTRICT_EVERY_MS)
  modes.unref()
  return {
    url,
    stop: async () => {
      clearInterval(sweep)
      clearInterval(modes)
      await app.close()
      await driver.close()
      restrict()
      if (release) await release()
    },
  }
}

/**
 * Makes `dir` and everything under it readable by the owner only: folders 0700, files 0600 (data
 * written before the process's umask was set, e.g. by an older version). Symbolic links are left alone.
 */
function restrictToOwner(dir: string): void {
  fs.chmodSync(dir, 0o700)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) restrictToOwner(p)
    else if (entry.isFile()) fs.chmodSync(p, 0o600)
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
