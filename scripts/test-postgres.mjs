// A throwaway PostgreSQL for the tests, from the machine's own binaries (Debian's `postgresql`):
// `initdb` into a temporary folder owned by the `postgres` user (initdb refuses root, so as root it runs
// under `runuser`), listening on 127.0.0.1 and a free port only, stopped by its process id. A cluster
// left by an earlier run that was killed is stopped and removed first. Durability is left on.
//   node scripts/test-postgres.mjs start   → prints the URL (and keeps running until stopped)
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const STATE_DIR = path.join(os.tmpdir(), 'mc-test-postgres')
const INSTALL = 'apt-get install -y postgresql'

/** The newest `/usr/lib/postgresql/<major>/bin`, or null. */
export function postgresBin() {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return null
  const majors = fs
    .readdirSync(root)
    .filter((d) => /^\d+$/.test(d) && fs.existsSync(path.join(root, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return majors.length ? path.join(root, majors[0], 'bin') : null
}

/** The command that installs PostgreSQL on this machine (Debian). */
export const installCommand = INSTALL

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Stops and removes clusters left by runs that were killed (their runner process is gone). */
export function cleanOrphans() {
  if (!fs.existsSync(STATE_DIR)) return
  for (const f of fs.readdirSync(STATE_DIR).filter((n) => n.endsWith('.json'))) {
    const file = path.join(STATE_DIR, f)
    let s
    try {
      s = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch {
      fs.rmSync(file, { force: true })
      continue
    }
    if (alive(s.runnerPid)) continue
    if (s.pid && alive(s.pid)) {
      try {
        process.kill(s.pid, 'SIGQUIT')
      } catch {
        // already gone
      }
    }
    fs.rmSync(s.dir, { recursive: true, force: true })
    fs.rmSync(file, { force: true })
  }
}

const asPostgres = (bin, args) =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]

/**
 * Starts a cluster; resolves `{ url, pid, dir, stop() }` once it accepts connections.
 * @throws Error with the install command when PostgreSQL's binaries are missing
 */
export async function startPostgres() {
  cleanOrphans()
  const bin = postgresBin()
  if (!bin)
    throw new Error(`PostgreSQL is needed for the SQL tests and is not installed. Install it with:\n  sudo ${INSTALL}`)
  fs.mkdirSync(STATE_DIR, { recursive: true })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-pg-'))
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir])
  const [initCmd, initArgs] = asPostgres(path.join(bin, 'initdb'), [
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  execFileSync(initCmd, initArgs, { stdio: 'pipe' })
  const port = await freePort()
  const [cmd, args] = asPostgres(path.join(bin, 'postgres'), [
    '-D',
    path.join(dir, 'data'),
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=64MB',
    '-c',
    'timezone=UTC',
    '-c',
    'log_min_messages=warning',
  ])
  // The server's log goes to a file, never to a pipe: a runner blocked in spawnSync would not drain a
  // pipe, and once its buffer filled every backend would stop at its next log line (an error such as
  // a serialization failure), holding its locks.
  const logFile = path.join(dir, 'postgres.log')
  const log = fs.openSync(logFile, 'a')
  const child = spawn(cmd, args, { stdio: ['ignore', log, log], detached: false })
  fs.closeSync(log)
  const logTail = () => {
    try {
      return fs.readFileSync(logFile, 'utf8').slice(-4000)
    } catch {
      return ''
    }
  }
  const state = { runnerPid: process.pid, pid: child.pid, dir, port }
  const stateFile = path.join(STATE_DIR, `${port}.json`)
  fs.writeFileSync(stateFile, JSON.stringify(state))
  const [readyCmd, readyArgs] = [
    path.join(bin, 'pg_isready'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
  ]
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      execFileSync(readyCmd, readyArgs, { stdio: 'pipe' })
      break
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start:\n${logTail()}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  /** The postmaster's own process id (under runuser, `child` is runuser). */
  const postmasterPid = () => {
    try {
      return Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
    } catch {
      return null
    }
  }
  state.pid = postmasterPid() ?? child.pid
  fs.writeFileSync(stateFile, JSON.stringify(state))
  const stop = async () => {
    if (child.exitCode === null) {
      // Immediate shutdown: the test data is thrown away with the folder.
      const pid = postmasterPid()
      if (pid) {
        try {
          process.kill(pid, 'SIGQUIT')
        } catch {
          // already gone
        }
      } else child.kill('SIGQUIT')
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL')
          r()
        }, 15_000)
        child.once('exit', () => {
          clearTimeout(t)
          r()
        })
      })
    }
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(stateFile, { force: true })
  }
  /** Stops it without returning to the event loop (for a runner about to exit). */
  const stopSync = () => {
    const pid = postmasterPid()
    if (pid && alive(pid)) {
      try {
        process.kill(pid, 'SIGQUIT')
      } catch {
        // already gone
      }
      for (let i = 0; i < 100 && alive(pid); i++) execFileSync('sleep', ['0.1'])
    }
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(stateFile, { force: true })
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, pid: state.pid, dir, port, stop, stopSync }
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'start') {
  const pg = await startPostgres()
  console.log(pg.url)
  const stop = () => pg.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
