/** Storage in one JSON file on disk, for the Node mock server. Never imported by the app bundle. */
import fs from 'node:fs'
import path from 'node:path'
import type { KeyValueStorage } from './types'

/** Reads `file` (if present) and writes it back after every change. */
export function fileStorage(file: string): KeyValueStorage {
  let data: Record<string, string> = {}
  if (fs.existsSync(file)) data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>
  const save = () => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(data))
    fs.renameSync(`${file}.tmp`, file)
  }
  return {
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => {
      data[k] = v
      save()
    },
    removeItem: (k) => {
      delete data[k]
      save()
    },
    keys: () => Object.keys(data),
  }
}
