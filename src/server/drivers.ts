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
  /** How long the work first in that queue has waited so far (ms; 0 when nothing waits). */
  oldestWaitMs(): number
}

/**
 * Times the queue in front of a connection: `enter()` when work starts to wait, the returned function
 * when it gets its connection. Queues here are first in, first out, so the oldest waiter is the first
 * entry of the map still there (a Map iterates in insertion order).
 */
function waitTimer(): { enter(): () => void; waiting(): number; oldestWaitMs(): number } {
  const since = new Map<object, number>()
  return {
    enter() {
      const key = {}
      since.set(key, performance.now())
      return () => void since.delete(key)
    },
    waiting: () => since.size,
    oldestWaitMs() {
      for (const t of since.values()) return performance.now() - t
      return 0
    },
  }
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
  const queue = waitTimer()
  return {
    kind: 'postgres',
    async withConnection(work) {
      const served = queue.enter()
      const client = await pool.connect().finally(served)
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
    oldestWaitMs: () => queue.oldestWaitMs(),
  }
}

/** Embedded PGlite in `dataDir` (`memory://` for tests), one transaction at a time. */
export async function pgliteDriver(dataDir: string): Promise<SqlDriver> {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create(dataDir)
  const mutex = new Mutex()
  const queue = waitTimer()
  return {
    kind: 'pglite',
    withConnection: (work) => {
      const served = queue.enter()
      return mutex.run(() => {
        served()
        return work(db as unknown as ScriptConnection)
      })
    },
    close: () => db.close(),
    waiting: () => queue.waiting(),
    oldestWaitMs: () => queue.oldestWaitMs(),
  }
}
