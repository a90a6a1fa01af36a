/** Writes tests/fixtures/storage-v1.json: the seed as schema v1 stored it (one blob, `read` flags). Run once with tsx. */
import fs from 'node:fs'
import { buildSeed } from '@/backend/seed'

const seed = buildSeed('2025-12-01T09:00:00+08:00') as unknown as Record<string, unknown>
const messages: Record<string, unknown> = {
  'm-v1-read': {
    id: 'm-v1-read',
    userId: 'u-wang',
    title: '社区重阳节活动',
    body: '10 月 29 日上午在社区活动室举办重阳节茶话会。',
    createdAt: '2025-12-01T09:00:00+08:00',
    read: true,
  },
  'm-v1-unread': {
    id: 'm-v1-unread',
    userId: 'u-wang',
    title: '冬季用电安全提醒',
    body: '请勿私拉电线给电动车充电。',
    createdAt: '2025-12-02T09:00:00+08:00',
    read: false,
  },
}
const { meta, ...rest } = seed
const blob = { version: 1, ...rest, meta: { ...(meta as object), schemaVersion: 1 }, messages }
fs.writeFileSync('tests/fixtures/storage-v1.json', JSON.stringify({ 'mc:db': JSON.stringify(blob) }, null, 1))
