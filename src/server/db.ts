/**
 * Database chores, with the server's own configuration (`DATABASE_URL`, `DATA_DIR`; see `.env.example`):
 *   npm run db:migrate            apply the migrations not yet applied, and exit
 *   npm run db:backup [file]      a logical dump: pg_dump (custom format) on PostgreSQL, JSON on PGlite;
 *                                 default file `DATA_DIR/backups/community-<UTC time>.{pgdump,json}`
 *   npm run db:restore <file>     into an EMPTY database (a new PostgreSQL database, or a new DATA_DIR);
 *                                 a JSON dump restores into PostgreSQL too
 * On PGlite it takes the data folder's lock, so it refuses to run beside a server on the same folder.
 * Backup files hold personal data: they are written readable by this user only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { configFromEnv, type ServerConfig } from './config'
import { pgliteDriver, postgresDriver, type SqlDriver } from './drivers'
import { dumpJson, isPgDumpFile, pgDump, pgRestore, restoreJson, type JsonDump } from './dump'
import { FolderBusyError, lockFolder } from './folder-lock'
import { migrate } from './migrate'

async function open(config: ServerConfig): Promise<{ driver: SqlDriver; close(): Promise<void> }> {
  if (config.databaseUrl) {
    const driver = await postgresDriver(config.databaseUrl, { max: 1 })
    return { driver, close: () => driver.close() }
  }
  const dir = path.join(config.dataDir, 'pg')
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  let release: () => Promise<void>
  try {
    release = await lockFolder(dir)
  } catch (e) {
    if (e instanceof FolderBusyError) throw new Error(`另一个进程（服务？）正在使用 ${dir}，请先停止它`)
    throw e
  }
  const driver = await pgliteDriver(dir)
  return {
    driver,
    close: async () => {
      await driver.close()
      await release()
    },
  }
}

async function main(command: string | undefined, file: string | undefined): Promise<void> {
  const config = configFromEnv()
  if (command === 'restore' && !file) throw new Error('用法：npm run db:restore <备份文件>')
  if (command !== 'migrate' && command !== 'backup' && command !== 'restore')
    throw new Error('用法：npm run db:migrate | db:backup [文件] | db:restore <文件>')
  const db = await open(config)
  try {
    if (command === 'migrate') {
      const applied = await migrate(db.driver)
      console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'migrations are current')
    } else if (command === 'backup') {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
      const ext = config.databaseUrl ? 'pgdump' : 'json'
      const out = path.resolve(file ?? path.join(config.dataDir, 'backups', `community-${stamp}.${ext}`))
      fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 })
      if (config.databaseUrl) pgDump(config.databaseUrl, out)
      else fs.writeFileSync(out, JSON.stringify(await dumpJson(db.driver)), { mode: 0o600 })
      console.log(`backup written to ${out}`)
    } else {
      const from = path.resolve(file!)
      if (isPgDumpFile(from)) {
        if (!config.databaseUrl) throw new Error('pg_dump 备份只能恢复到 PostgreSQL：请设置 DATABASE_URL')
        await pgRestore(db.driver, config.databaseUrl, from)
        await migrate(db.driver)
      } else {
        await restoreJson(db.driver, JSON.parse(fs.readFileSync(from, 'utf8')) as JsonDump)
      }
      console.log(`restored ${from}`)
    }
  } finally {
    await db.close()
  }
}

main(process.argv[2], process.argv[3]).then(
  () => process.exit(0),
  (e) => {
    console.error((e as Error).message)
    process.exit(1)
  },
)
