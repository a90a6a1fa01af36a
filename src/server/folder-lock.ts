/**
 * The lock that lets one process at a time open a PGlite data folder. It is proper-lockfile's lock
 * (`<folder>.lock`, a directory whose time the holder refreshes every 10 s; after 30 s without a
 * refresh it is stale and anyone may take it), plus an owner file (`<folder>.owner`: the holder's
 * process id and host name). A process that is killed (SIGKILL, out of memory, power) cannot remove its
 * lock; without the owner file a restart would be refused until the lock went stale, 30 s later. With
 * it, a starter that finds the lock held by a process of this host that no longer exists takes it at
 * once. Starters take turns through a short-lived guard (`<folder>.owner.lock`) while they take the
 * lock and write the owner file, so the owner file always names the lock's holder and two starters
 * cannot both break a dead holder's lock.
 */
import fs from 'node:fs'
import os from 'node:os'
import lockfile from 'proper-lockfile'

/** The lock goes stale 30 s after its holder last refreshed it (every 10 s). */
const LOCK_OPTIONS = { stale: 30_000, update: 10_000, realpath: false }
/** The guard is held for milliseconds; a starter killed while holding it leaves it stale after 5 s. */
const GUARD_OPTIONS = {
  stale: 5_000,
  update: 2_500,
  realpath: false,
  retries: { retries: 30, factor: 1.3, minTimeout: 20, maxTimeout: 500 },
}

/** The folder is in use by a live process (or its lock cannot be told apart from one). */
export class FolderBusyError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} is locked by another process`)
    this.name = 'FolderBusyError'
  }
}

interface Owner {
  pid: number
  host: string
}

function readOwner(file: string): Owner | null {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Owner>
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host } : null
  } catch {
    return null
  }
}

/** Whether process `pid` exists on this host (EPERM: it exists, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'
  }
}

const isLocked = (e: unknown) => (e as { code?: string }).code === 'ELOCKED'

/**
 * Locks `folder` for this process. When the lock is held by a process of this host that has died, it
 * is taken at once; when it is held by a live process (or by an unknown one, until it goes stale) this
 * throws `FolderBusyError`. Resolves with the release function (removes the owner file, then the lock).
 * @throws FolderBusyError when another live process holds the folder; file-system errors as they come
 */
export async function lockFolder(folder: string): Promise<() => Promise<void>> {
  const ownerFile = `${folder}.owner`
  let guard: () => Promise<void>
  try {
    guard = await lockfile.lock(ownerFile, GUARD_OPTIONS)
  } catch (e) {
    if (isLocked(e)) throw new FolderBusyError(folder)
    throw e
  }
  try {
    let release: () => Promise<void>
    try {
      release = await lockfile.lock(folder, LOCK_OPTIONS)
    } catch (e) {
      if (!isLocked(e)) throw e
      const owner = readOwner(ownerFile)
      if (!owner || owner.host !== os.hostname() || owner.pid === process.pid || alive(owner.pid))
        throw new FolderBusyError(folder)
      // The holder was killed without releasing: remove its lock (what proper-lockfile does to a stale one).
      fs.rmSync(`${folder}.lock`, { recursive: true, force: true })
      try {
        release = await lockfile.lock(folder, LOCK_OPTIONS)
      } catch (again) {
        if (isLocked(again)) throw new FolderBusyError(folder)
        throw again
      }
    }
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies Owner))
    return async () => {
      fs.rmSync(ownerFile, { force: true })
      await release()
    }
  } finally {
    await guard()
  }
}
