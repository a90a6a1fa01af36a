/** @jest-environment node */
/**
 * The PGlite folder lock (`src/server/folder-lock.ts`): a second holder is refused while the first
 * lives; once the holder is killed with SIGKILL (its lock left behind), the next one takes the folder
 * at once instead of waiting 30 s for the lock to go stale; a lock owned on another host is respected.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FolderBusyError, lockFolder } from '@/server/folder-lock'

jest.setTimeout(30_000)

const ROOT = path.resolve(__dirname, '../../..')
let dir: string
let child: ChildProcess | null = null

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mc-lock-')), 'pg')
  fs.mkdirSync(dir)
})
afterEach(() => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL')
  child = null
  fs.rmSync(path.dirname(dir), { recursive: true, force: true })
})

/** A process holding the lock of `folder` (resolves once it holds it). */
function holder(folder: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/server/fixtures/hold-folder-lock.ts', folder], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    })
    child = p
    let err = ''
    p.stderr!.on('data', (d) => (err += d))
    p.stdout!.on('data', (d) => String(d).includes('locked') && resolve(p))
    p.once('exit', (code) => reject(new Error(`lock holder exited (${code}): ${err}`)))
  })
}

const killed = (p: ChildProcess) =>
  new Promise<void>((resolve) => {
    p.once('exit', () => resolve())
    process.kill(p.pid!, 'SIGKILL')
  })

describe('PGlite folder lock', () => {
  it('refuses a second holder, and releases for the next one', async () => {
    const release = await lockFolder(dir)
    await expect(lockFolder(dir)).rejects.toBeInstanceOf(FolderBusyError)
    await release()
    expect(fs.existsSync(`${dir}.lock`)).toBe(false)
    await (
      await lockFolder(dir)
    )()
  })

  it('refuses while another process holds it; takes it at once after that process is SIGKILLed', async () => {
    const p = await holder(dir)
    await expect(lockFolder(dir)).rejects.toBeInstanceOf(FolderBusyError)
    await killed(p)
    expect(fs.existsSync(`${dir}.lock`)).toBe(true) // left behind by the killed holder
    const started = Date.now()
    const release = await lockFolder(dir)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(JSON.parse(fs.readFileSync(`${dir}.owner`, 'utf8')).pid).toBe(process.pid)
    await release()
  })

  it('respects a fresh lock whose owner is on another host', async () => {
    fs.mkdirSync(`${dir}.lock`)
    fs.writeFileSync(`${dir}.owner`, JSON.stringify({ pid: 999_999, host: `not-${os.hostname()}` }))
    await expect(lockFolder(dir)).rejects.toBeInstanceOf(FolderBusyError)
  })
})
