/**
 * Database drivers of the SQL store: PostgreSQL through `pg` (a pool; any number of server processes
 * may share one database), or embedded PGlite (one connection, one transaction at a time; one process
 * per data folder).
 */
import { Mutex } from '../backend/core/mutex'

/** One connection: parameterised queries. */
export interface SqlConnection {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

/** A connection that also runs a script of several statements (migrations). */
interface ScriptConnection extends SqlConnection {
  exec(script: string): Promise<unknown>
}

export interface SqlDriver {
  readonly kind: 'postgres' | 'pglite'
  /** Runs `work` on a connection of its own (PGlite: the only one, waiting for the previous work). */
  withConnection<T>(work: (c: ScriptConnection) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** Work waiting for a connection right now (the pool's queue; PGlite: the mutex's). */
  waiting(): number
}

/**
 * PostgreSQL over a `pg` pool (`max` connections). Dates and instants are read as text by the SQL.
 * A connection the database drops (a restart, a failover, an administrator ending it) is reported to
 * `onConnectionError` (default: one line on stderr, no connection details) and thrown away; the next
 * request opens a new one. Without a listener `pg` would raise the error as an uncaught exception and
 * stop the process.
 */
export async function postgresDriver(
  url: string,
  opts: { max?: number; onConnectionError?: (e: Error) => void } = {},
): Promise<SqlDriver> {
  const { Pool } = await import('pg')
  const pool = new Pool({ connectionString: url, max: opts.max ?? 10 })
  const onError =
    opts.onConnectionError ??
    ((e: Error) => console.error(`PostgreSQL: a connection was lost (${e.message}); the next request opens a new one`))
  // Errors of idle connections in the pool.
  pool.on('error', onError)
  return {
    kind: 'postgres',
    async withConnection(work) {
      const client = await pool.connect()
      // Errors of this connection while it is checked out: reported, and the connection not reused.
      let lost: Error | undefined
      const onLost = (e: Error) => {
        lost = e
        onError(e)
      }
      client.on('error', onLost)
      try {
        return await work(Object.assign(client, { exec: (script: string) => client.query(script) }))
      } finally {
        client.off('error', onLost)
        client.release(lost)
      }
    },
    close: () => pool.end(),
    waiting: () => pool.waitingCount,
  }
}

/** Embedded PGlite in `dataDir` (`memory://` for tests), one transaction at a time. */
export async function pgliteDriver(dataDir: string): Promise<SqlDriver> {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create(dataDir)
  const mutex = new Mutex()
  let queued = 0
  return {
    kind: 'pglite',
    withConnection: (work) => {
      queued++
      return mutex.run(() => {
        queued--
        return work(db as unknown as ScriptConnection)
      })
    },
    close: () => db.close(),
    waiting: () => queued,
  }
}
