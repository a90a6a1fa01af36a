/**
 * Real server processes for the multi-process and crash tests: `src/server/main.ts` started with tsx
 * on 127.0.0.1 and a free port (it prints `listening on http://…`, which gives the port), a database
 * seeded here at a fixed mock time, and a small HTTP client. Every process started is stopped by its
 * process id in `stopAllServers` (call it in `afterAll`), and exits by itself if the test process dies.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { Backend } from '@/backend'
import { MockClock } from '@/backend/core/clock'
import type { Method } from '@/backend/core/http'
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import type { SqlDriver } from '@/server/drivers'

/** 2026-03-02 10:00 Beijing (a Monday): the mock time the databases are seeded at. */
export const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)

const ROOT = path.resolve(__dirname, '../../..')
const WATCHDOG = path.join(__dirname, 'fixtures/exit-with-parent.mjs')

/**
 * Migrates and seeds an empty database with the demo at mock time `at` (ms), storing the mock-time
 * offset so that server processes on it run from `at` on. Returns a backend over it (for `arrange`;
 * it keeps no data of its own).
 */
export async function seedAt(driver: SqlDriver, at = T0): Promise<Backend> {
  const clock = new MockClock()
  clock.set(at)
  return createSqlBackend({ driver, blobs: memoryBlobStore(), clock })
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly pid: number
  /** Resolves when the process has ended: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Everything the process wrote to stdout and stderr so far (its log). */
  output(): string
  /** Sends `signal` (default SIGKILL) and waits (≤ 10 s) for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

const running = new Set<ChildProcess>()
const isRunning = (p: ChildProcess) => p.exitCode === null && p.signalCode === null

/**
 * Starts `node --import tsx src/server/main.ts` with `env` (`DATA_DIR`, and `DATABASE_URL` for
 * PostgreSQL; without it PGlite in `DATA_DIR/pg`; any other variable of `.env.example`). Resolves once
 * it listens.
 * @throws Error with the process's output when it exits or does not listen within `timeoutMs`
 */
export function startServerProcess(
  env: { DATA_DIR: string; DATABASE_URL?: string } & Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', WATCHDOG, 'src/server/main.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
  })
  running.add(child)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  void exited.then(() => running.delete(child))
  let output = ''
  let log = ''
  const keep = (d: Buffer) => {
    output = (output + String(d)).slice(-4000)
  }
  child.stderr!.on('data', keep)
  const record = (d: Buffer) => {
    log += String(d)
  }
  child.stdout!.on('data', record)
  child.stderr!.on('data', record)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid && isRunning(child)) process.kill(child.pid, 'SIGKILL')
      reject(new Error(`server did not listen within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (d: Buffer) => {
      keep(d)
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (!m) return
      clearTimeout(timer)
      child.stdout!.removeListener('data', onData)
      child.stdout!.resume()
      resolve({
        url: m[1],
        pid: child.pid!,
        exited,
        output: () => log,
        kill: async (signal = 'SIGKILL') => {
          if (isRunning(child)) process.kill(child.pid!, signal)
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())])
        },
      })
    }
    child.stdout!.on('data', onData)
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) before listening:\n${output}`))
    })
  })
}

/** Kills (SIGKILL, by process id) every server process still running and waits for them to end. */
export async function stopAllServers(): Promise<void> {
  const left = [...running].filter(isRunning)
  await Promise.all(
    left.map(
      (p) =>
        new Promise<void>((resolve) => {
          p.once('exit', () => resolve())
          process.kill(p.pid!, 'SIGKILL')
          setTimeout(resolve, 10_000).unref()
        }),
    ),
  )
  running.clear()
}

export interface Reply {
  status: number
  /** The JSON answer (any route's shape, read by the tests). */
  body: any
  replayed: boolean
}

export interface CallOptions {
  token?: string
  body?: unknown
  key?: string
  /** Gives up after this long (ms; default 30 s). */
  timeoutMs?: number
}

/**
 * One HTTP request to a server. Resolves with the status, the JSON body and whether it was an
 * idempotent replay; rejects when the connection fails (e.g. the server was killed) or times out.
 */
export async function call(base: string, method: Method, url: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.key) headers['idempotency-key'] = opts.key
  const res = await fetch(base + url, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  })
  const text = await res.text()
  return {
    status: res.status,
    body: text ? JSON.parse(text) : null,
    replayed: res.headers.get('idempotent-replayed') === 'true',
  }
}

/** Logs in as a seeded user (demo persona login); returns the token. */
export async function login(base: string, userId: string): Promise<string> {
  const r = await call(base, 'POST', '/api/auth/mock-login', { body: { userId } })
  if (r.status !== 200) throw new Error(`login ${userId}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.token as string
}

/** Calls and insists on a 200, returning the body (arrangement steps of a test). */
export async function ok(base: string, method: Method, url: string, opts: CallOptions = {}): Promise<Reply['body']> {
  const r = await call(base, method, url, opts)
  if (r.status !== 200) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}
