/**
 * The mocked backend's database: collections held in memory, persisted one storage key per collection
 * (`mc:db:<name>`) and one per image (`mc:img:<id>`), with a schema version and migrations.
 * Writes are transactional per request: `begin()`, mutate via `write(name)`, then `commit()`; when
 * storage is full the request's changes are rolled back and a 507 `STORAGE_FULL` is thrown.
 */
import type { Collections, CollectionName } from '../model'
import { HttpError } from './http'
import { migrate, SCHEMA_VERSION } from './migrations'
import { StorageFullError, type KeyValueStorage } from '../storage/types'

export const DB_PREFIX = 'mc:db:'
export const IMG_PREFIX = 'mc:img:'

export class Database {
  data!: Collections
  private snapshots = new Map<CollectionName, string>()
  private imageWrites = new Map<string, string | null>()

  constructor(
    readonly storage: KeyValueStorage,
    private seed: () => Collections,
  ) {}

  /** Loads from storage, migrating older versions; seeds an empty store. Returns the version found (0 = none). */
  load(): number {
    const found = migrate(this.storage)
    const metaText = this.storage.getItem(`${DB_PREFIX}meta`)
    if (!metaText) {
      this.data = this.seed()
      this.persistAll()
      return found
    }
    const seeded = this.seed()
    const data = {} as Record<string, unknown>
    for (const name of Object.keys(seeded) as CollectionName[]) {
      const text = this.storage.getItem(DB_PREFIX + name)
      data[name] = text ? JSON.parse(text) : seeded[name]
    }
    this.data = data as unknown as Collections
    return found
  }

  /** Replaces everything with the seed (demo reset). Images are removed. */
  reset(): void {
    for (const k of this.storage.keys())
      if (k.startsWith(DB_PREFIX) || k.startsWith(IMG_PREFIX)) this.storage.removeItem(k)
    this.data = this.seed()
    this.persistAll()
  }

  /** Starts a request's transaction. */
  begin(): void {
    this.snapshots.clear()
    this.imageWrites.clear()
  }

  /** Returns a collection for mutation, remembering its state for rollback. */
  write<K extends CollectionName>(name: K): Collections[K] {
    if (!this.snapshots.has(name)) this.snapshots.set(name, JSON.stringify(this.data[name]))
    return this.data[name]
  }

  /** Stores an image (base64 text) under its own key; written at commit. */
  putImage(id: string, base64: string): void {
    this.imageWrites.set(id, base64)
  }

  /** Removes an image (e.g. when the data it belongs to is erased); removed at commit. */
  removeImage(id: string): void {
    this.imageWrites.set(id, null)
  }

  /** Reads an image (base64 text), or null. */
  getImage(id: string): string | null {
    return this.imageWrites.has(id) ? this.imageWrites.get(id)! : this.storage.getItem(IMG_PREFIX + id)
  }

  /** Persists what the transaction changed; on a full store, rolls back and throws 507. */
  commit(): void {
    const writtenImages: string[] = []
    const writtenCollections: CollectionName[] = []
    try {
      for (const [id, value] of this.imageWrites) {
        if (value === null) continue
        this.storage.setItem(IMG_PREFIX + id, value)
        writtenImages.push(IMG_PREFIX + id)
      }
      for (const name of this.snapshots.keys()) {
        this.storage.setItem(DB_PREFIX + name, JSON.stringify(this.data[name]))
        writtenCollections.push(name)
      }
    } catch (e) {
      // Undo what reached storage: remove new images, put back the previous text of written collections.
      for (const key of writtenImages) this.storage.removeItem(key)
      for (const name of writtenCollections) this.storage.setItem(DB_PREFIX + name, this.snapshots.get(name)!)
      this.rollback()
      if (e instanceof StorageFullError) {
        throw new HttpError(
          507,
          'STORAGE_FULL',
          e.perKey
            ? '这份资料太大，无法保存。请压缩照片或分几次提交。'
            : `本机存储空间已满，本次操作没有保存，已提交的资料不受影响。${this.storage.freeSpaceAdvice ?? '请清理存储空间后重试'}。`,
        )
      }
      throw e
    }
    // Removals last, once everything else is saved.
    for (const [id, value] of this.imageWrites) if (value === null) this.storage.removeItem(IMG_PREFIX + id)
    this.snapshots.clear()
    this.imageWrites.clear()
  }

  /** Restores every collection changed in this transaction (in memory and, for safety, on disk). */
  rollback(): void {
    for (const [name, text] of this.snapshots)
      (this.data as unknown as Record<string, unknown>)[name] = JSON.parse(text)
    this.snapshots.clear()
    this.imageWrites.clear()
  }

  private persistAll(): void {
    this.data.meta.schemaVersion = SCHEMA_VERSION
    for (const name of Object.keys(this.data) as CollectionName[])
      this.storage.setItem(DB_PREFIX + name, JSON.stringify(this.data[name]))
  }
}
