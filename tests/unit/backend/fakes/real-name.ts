/**
 * A fake 实名核验 service on 127.0.0.1 (tests only), the shape `src/server/real-name.ts` speaks: POST
 * JSON `{ name, idNumber }` with `Authorization: Bearer <key>` → `{ result: 'match' | 'mismatch' }`.
 * `known` holds the national register (ID number → name); `mode` 'down' answers 503, 'garbled' 200 with
 * another body.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const FAKE_REAL_NAME_KEY = 'key-0123456789abcdef'

export interface FakeRealName {
  url: string
  mode: 'up' | 'down' | 'garbled'
  known: Map<string, string>
  calls: number
  close(): Promise<void>
}

export async function startFakeRealName(): Promise<FakeRealName> {
  const fake: FakeRealName = {
    url: '',
    mode: 'up',
    known: new Map(),
    calls: 0,
    close: () => new Promise((r) => server.close(() => r())),
  }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      fake.calls++
      const send = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.headers.authorization !== `Bearer ${FAKE_REAL_NAME_KEY}`) return send(401, { error: 'bad key' })
      if (fake.mode === 'down') return send(503, {})
      if (fake.mode === 'garbled') return send(200, { ok: true })
      const { name, idNumber } = JSON.parse(raw) as { name: string; idNumber: string }
      send(200, { result: fake.known.get(idNumber) === name ? 'match' : 'mismatch' })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/id2`
  return fake
}
