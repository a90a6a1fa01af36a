/**
 * The mocked backend over HTTP on 127.0.0.1, for tests of the HTTP path and for a real-backend build
 * (`TARO_APP_API_BASE=http://127.0.0.1:3001 npm run build:h5`).
 *
 *   npm run mock-server -- --port 3001 --data .mock-data/db.json   (omit --data for memory only)
 *
 * Faults are realised as on a real network: `timeout` holds the request then drops it, `server-error`
 * answers 503, `lost-response` runs the handler then drops the connection.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createBackend, type Backend } from '@/backend'
import type { MockClock } from '@/backend/core/clock'
import type { Method } from '@/backend/core/http'
import { fileStorage } from '@/backend/storage/file'
import { memoryStorage } from '@/backend/storage/memory'

export interface MockServer {
  url: string
  backend: Backend
  close(): Promise<void>
}

/** Starts the server; resolves once it listens. `port` 0 picks a free port. */
export async function startMockServer(
  opts: { port?: number; dataFile?: string; clock?: MockClock; timeoutHoldMs?: number } = {},
): Promise<MockServer> {
  const backend = createBackend({
    storage: opts.dataFile ? fileStorage(opts.dataFile) : memoryStorage(),
    clock: opts.clock,
  })
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const cors = {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-acting-for',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors)
        res.end()
        return
      }
      const fault = backend.decideFault(req.url ?? '')
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
      if (fault.kind === 'timeout') {
        setTimeout(() => req.socket.destroy(), opts.timeoutHoldMs ?? 10_000)
        return
      }
      if (fault.kind === 'server-error') {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', ...cors })
        res.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' }))
        return
      }
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', ...cors })
        res.end(JSON.stringify({ code: 'MALFORMED_JSON', message: '提交的内容格式不正确' }))
        return
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
      const out = await backend.handle({ method: (req.method ?? 'GET') as Method, url: req.url ?? '/', headers, body })
      if (fault.kind === 'lost-response') {
        req.socket.destroy()
        return
      }
      res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...cors, ...(out.headers ?? {}) })
      res.end(JSON.stringify(out.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  startMockServer({ port: Number(arg('port') ?? 3001), dataFile: arg('data') }).then((s) => {
    console.log(`Mock backend listening on ${s.url} (${arg('data') ? `data in ${arg('data')}` : 'in memory'})`)
  })
}
