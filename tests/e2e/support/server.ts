/** A static file server for the H5 test build on 127.0.0.1 (an ephemeral port). */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

/** The H5 test build to serve: `H5_DIST` (absolute or relative to the repo) or dist/h5-test. */
export const H5_TEST_DIST = path.resolve(__dirname, '../../..', process.env.H5_DIST || 'dist/h5-test')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

/** Serves `dir`; unknown paths fall back to index.html. Resolves with the base URL and a close function. */
export async function serveStatic(dir = H5_TEST_DIST): Promise<{ url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No H5 test build in ${dir}: run "npm run build:h5:test" first`)
  }
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0])
    let file = path.join(dir, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''))
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      file = path.join(dir, 'index.html')
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) }
}
