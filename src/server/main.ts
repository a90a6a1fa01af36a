/**
 * `npm run server`: the shared server on 127.0.0.1 (`PORT`, default 3001; `PORT=0` takes a free port).
 * Once it listens it prints one line on stdout, `现代社区 server listening on http://127.0.0.1:<port> (…)`,
 * which tests and scripts read to learn the port. By default over embedded PGlite with its data in
 * `.data/pg` (photos in `.data/blobs`), seeded with the demo on first start; with
 * `DATABASE_URL=postgres://…` over PostgreSQL. A PGlite folder is opened by one process only
 * (`folder-lock.ts`): a second one is refused with a clear message (two processes on one folder would
 * lose each other's writes), while a restart after the holder was killed goes ahead at once.
 * The environment is read once (`config.ts`, `.env.example`); `NODE_ENV=production` serves nothing of
 * the demo and refuses to start without its secrets. SIGTERM or SIGINT stop it gracefully (exit 0).
 * The data folder, PGlite's folder and the photo folder are readable by the server's user only
 * (folders 0700, files 0600; PIPL art. 51).
 */
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_RATE_LIMITS } from '../backend/core/rate-limits'
import { buildApp } from './app'
import { createSqlBackend } from './backend'
import { realNameVerifier } from './real-name'
import { wechatAuth, wechatSubscribeSender } from './wechat'
import { wechatPay } from './wechat-pay'
import { fileBlobStore } from './blobs'
import { configFromEnv, type ServerConfig } from './config'
import { pgliteDriver, postgresDriver, type SqlDriver } from './drivers'
import { FolderBusyError, lockFolder } from './folder-lock'
import { databaseReadiness } from './ops'
import type { SqlStore } from './sql-store'

const SWEEP_EVERY_MS = 3600_000
/** How often the data folder's files are set back to 0600 (PGlite creates its files 0666). */
const RESTRICT_EVERY_MS = 5 * 60_000
/**
 * How often the reminder job runs on a timer besides after requests (its own throttle keeps it to one
 * run per 10 minutes of mock time; several processes are safe: each reminder is sent once).
 */
const REMIND_EVERY_MS = 5 * 60_000
/** How often the server sends outbox rows due again (the first try follows each commit at once). */
const DISPATCH_EVERY_MS = 30_000

/**
 * Opens the database (taking PGlite's folder lock), migrates, and listens. Resolves with a stop function
 * that stops accepting connections, lets requests in flight finish (at most `config.shutdownGraceMs`,
 * then cuts them off), closes the database and releases the folder lock.
 */
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
  const production = config.mode === 'production'
  const backend = await createSqlBackend({
    driver,
    blobs: fileBlobStore(path.join(config.dataDir, 'blobs')),
    devRoutes: config.demo,
    production,
    pii: config.pii,
    services: {
      wechat: config.wechat && wechatAuth(config.wechat),
      realName: config.realName && realNameVerifier(config.realName),
      subscribeMessages:
        config.wechat && config.subscribe && wechatSubscribeSender({ ...config.wechat, ...config.subscribe }),
      pay: config.wechatPay && wechatPay(config.wechatPay),
    },
    rateLimits: config.rateLimits ?? DEFAULT_RATE_LIMITS,
  })
  const app = buildApp(backend, {
    ops: {
      corsOrigins: config.corsOrigins,
      hsts: production,
      log: { level: config.logLevel },
      readiness: databaseReadiness(driver),
    },
    // Production only: the demo and the test suites run on busy shared machines, where a slow event loop
    // is the machine, not a peak of residents.
    ...(production
      ? { waitingRoom: { poolWaiting: () => driver.waiting(), poolWaitMs: () => driver.oldestWaitMs() } }
      : {}),
  })
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
  const remind = setInterval(
    () =>
      void backend
        .runReminders()
        .catch((e) => console.error('server: the reminder job failed, it runs again later', e)),
    REMIND_EVERY_MS,
  )
  remind.unref()
  // Subscribe messages whose send failed, or that another process claimed and dropped, when due again.
  const dispatch = setInterval(
    () =>
      void backend
        .dispatchOutbox()
        .catch((e) => console.error('server: the outbox round failed, it runs again later', e)),
    DISPATCH_EVERY_MS,
  )
  dispatch.unref()
  return {
    url,
    stop: async () => {
      clearInterval(sweep)
      clearInterval(modes)
      clearInterval(remind)
      clearInterval(dispatch)
      const cutOff = setTimeout(() => app.server.closeAllConnections(), config.shutdownGraceMs)
      await app.close()
      await backend.outboxSettled()
      clearTimeout(cutOff)
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
  let config: ServerConfig
  try {
    config = configFromEnv()
  } catch (e) {
    console.error((e as Error).message)
    process.exit(1)
  }
  startServer(config).then(
    (s) => {
      if (config.piiDemoKeys) console.warn('未设置 PII_KEY / PII_HASH_KEY：身份证号码用演示密钥加密，仅供演示和测试')
      console.log(
        `现代社区 server listening on ${s.url} (${config.mode}, ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${path.join(config.dataDir, 'pg')}`})`,
      )
      let stopping = false
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return
        stopping = true
        console.log(`现代社区 server: ${signal}, finishing requests in flight, then stopping`)
        s.stop().then(
          () => process.exit(0),
          (e) => {
            console.error('现代社区 server: stopping failed:', (e as Error).message)
            process.exit(1)
          },
        )
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    },
    (e) => {
      console.error((e as Error).message)
      process.exit(1)
    },
  )
}
