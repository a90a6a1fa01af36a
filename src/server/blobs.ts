/**
 * The blob store for photos (base64 text as sent by the app): a local folder readable only by the
 * server's user by default, behind an interface an object store can implement. The SQL store writes a
 * photo before its transaction commits, removes one after, and sweeps orphans (files no row names).
 */
import fs from 'node:fs/promises'
import path from 'node:path'

export interface BlobStore {
  write(id: string, base64: string): Promise<void>
  read(id: string): Promise<string | null>
  remove(id: string): Promise<void>
  /** Every blob with its last modification (epoch ms), for the orphan sweep. */
  list(): Promise<{ id: string; modifiedMs: number }[]>
}

const SAFE = /^[A-Za-z0-9_-]{1,96}$/

/** Blobs as files `<dir>/<id>` (mode 0600) in a folder of mode 0700. */
export function fileBlobStore(dir: string): BlobStore {
  const file = (id: string) => {
    if (!SAFE.test(id)) throw new Error(`unsafe blob id ${id}`)
    return path.join(dir, id)
  }
  const ready = fs.mkdir(dir, { recursive: true, mode: 0o700 }).then(() => fs.chmod(dir, 0o700))
  return {
    async write(id, base64) {
      await ready
      await fs.writeFile(file(id), base64, { mode: 0o600 })
    },
    async read(id) {
      await ready
      try {
        return await fs.readFile(file(id), 'utf8')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
    async remove(id) {
      await ready
      await fs.rm(file(id), { force: true })
    },
    async list() {
      await ready
      const names = await fs.readdir(dir)
      return Promise.all(
        names.filter((n) => SAFE.test(n)).map(async (id) => ({ id, modifiedMs: (await fs.stat(file(id))).mtimeMs })),
      )
    },
  }
}

/** Blobs in memory (tests). */
export function memoryBlobStore(): BlobStore & { files: Map<string, string> } {
  const files = new Map<string, string>()
  const times = new Map<string, number>()
  return {
    files,
    write: async (id, base64) => {
      files.set(id, base64)
      times.set(id, Date.now())
    },
    read: async (id) => files.get(id) ?? null,
    remove: async (id) => {
      files.delete(id)
      times.delete(id)
    },
    list: async () => [...files.keys()].map((id) => ({ id, modifiedMs: times.get(id) ?? 0 })),
  }
}
