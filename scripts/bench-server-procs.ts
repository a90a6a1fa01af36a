/**
 * Processes of the server benchmarks (`npm run bench:server`, `npm run load`): a throwaway PostgreSQL
 * cluster (scripts/test-postgres.mjs) and node children, every one stopped by its pid whatever happens
 * (normal exit, error, Ctrl-C), and a scratch folder removed at exit.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const children = new Set<ChildProcess>()

/** A throwaway PostgreSQL cluster (its superuser URL and folder). */
export interface Postgres {
  url: string
  dir: string
  stop(): Promise<void>
  stopSync(): void
}
let postgres: Postgres | null = null
/** Scratch folder of this run (removed at exit). */
export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-bench-server-'))

function stopEverythingSync(): void {
  for (const c of children) {
    try {
      if (c.pid) process.kill(c.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  children.clear()
  postgres?.stopSync()
  postgres = null
  fs.rmSync(tmp, { recursive: true, force: true })
}
process.on('exit', stopEverythingSync)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers`)
    stopEverythingSync()
    process.exit(130)
  })
}

/** Stops every child and the cluster now (for a fatal error), then exits with 1. */
export function fail(e: unknown): never {
  console.error(e)
  stopEverythingSync()
  process.exit(1)
}

/** Starts the throwaway cluster (one per run). */
export async function startPostgres(): Promise<Postgres> {
  const mod = (await import('./test-postgres.mjs' as string)) as { startPostgres(): Promise<Postgres> }
  postgres = await mod.startPostgres()
  return postgres
}

/** Stops the cluster started by `startPostgres`. */
export async function stopPostgres(): Promise<void> {
  await postgres?.stop()
  postgres = null
}

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })

/** A started server process. */
export interface Server {
  origin: string
  pid: number
  stop(): Promise<void>
  /** What the server wrote to stderr since the last call (its last 64 KiB). */
  takeStderr(): string
}

/** Starts `node <args>` and resolves once it prints a line matching `ready` (its first group: the origin). */
export function startNode(nodeArgs: string[], ready: RegExp, timeoutMs: number): Promise<Server> {
  const child = spawn(process.execPath, nodeArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      process.kill(child.pid!, 'SIGTERM')
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    }
    children.delete(child)
  }
  return new Promise((resolve, reject) => {
    let out = ''
    let stderr = ''
    const takeStderr = () => {
      const text = stderr
      stderr = ''
      return text
    }
    const timer = setTimeout(() => fail(new Error(`no "ready" within ${timeoutMs} ms`)), timeoutMs)
    const fail = (e: Error) => {
      clearTimeout(timer)
      void stop()
      reject(new Error(`${nodeArgs.join(' ')}: ${e.message}\n${out.slice(-3000)}`))
    }
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = ready.exec(out)
      if (m) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        child.stdout!.resume()
        resolve({ origin: m[1], pid: child.pid!, stop, takeStderr })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      stderr = (stderr + chunk.toString()).slice(-65_536)
    })
    child.once('exit', (code) => fail(new Error(`exited with ${code}`)))
  })
}
