// Prints what each dependency and each source area adds to the WeChat packages, in minified bytes,
// attributed through source maps. Usage: node scripts/deps.mjs [distDir…]  (builds made with SOURCE_MAPS=1;
// `npm run deps` builds dist/weapp-maps with the mocked backend and dist/weapp-maps-real without).
import fs from 'node:fs'
import path from 'node:path'
import { SourceMapConsumer } from 'source-map'

const root = path.resolve(import.meta.dirname, '..')

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? listFiles(p) : [p]
  })
}

/**
 * Groups a source-map source: `npm:<package>` for dependencies, else its area under src (`src/ui`,
 * `src/backend/features/care-card`…). Taro's webpack names sources with `/` turned into `_`
 * (`webpack://x/._node_modules_@noble_hashes_esm_sha2.js`), so both spellings are read.
 */
export function groupOf(source) {
  const raw = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/\?.*$/, '')
  // Taro's own packages ship source maps pointing at their ../src: `.._src_runtime_hooks.ts`.
  if (/^\.\.[/_](src|taro-components)/.test(raw)) return 'npm:@tarojs/* (own sources)'
  const s = raw.replace(/^\.[/_]?/, '').replace(/^node_modules_/, 'node_modules/')
  const parts = s.includes('/') ? s.split('/') : s.split('_')
  if (parts[0] === 'node_modules') {
    const rest = s.slice('node_modules/'.length)
    const seg = rest.includes('/') ? rest.split('/') : rest.split('_')
    return `npm:${seg[0].startsWith('@') ? `${seg[0]}/${seg[1]}` : seg[0]}`
  }
  if (parts[0] !== 'src') return '(webpack runtime)'
  const depth =
    parts[1] === 'backend' && parts[2] === 'features' ? 4 : ['backend', 'packages'].includes(parts[1]) ? 3 : 2
  return parts.slice(0, Math.min(depth, parts.length - 1) || 1).join('/')
}

/** Minified bytes per group for one JS file with a sibling `.map`: `{ group: bytes }`. */
export function attribute(jsFile) {
  const code = fs.readFileSync(jsFile, 'utf8')
  const mapFile = `${jsFile}.map`
  const out = {}
  const add = (g, n) => {
    out[g] = (out[g] || 0) + n
  }
  if (!fs.existsSync(mapFile)) {
    add('(no source map)', Buffer.byteLength(code))
    return out
  }
  const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, 'utf8')))
  const lines = code.split('\n')
  const mappings = []
  consumer.eachMapping((m) => mappings.push(m), null, SourceMapConsumer.GENERATED_ORDER)
  let mi = 0
  lines.forEach((line, li) => {
    const lineNo = li + 1
    const onLine = []
    while (mi < mappings.length && mappings[mi].generatedLine === lineNo) onLine.push(mappings[mi++])
    let pos = 0
    let group = '(unmapped)'
    for (const m of onLine) {
      add(group, Buffer.byteLength(line.slice(pos, m.generatedColumn)))
      pos = m.generatedColumn
      group = m.source ? groupOf(m.source) : '(unmapped)'
    }
    add(group, Buffer.byteLength(line.slice(pos)) + 1)
  })
  return out
}

/** `{ package: { group: bytes } }` over every .js file of a weapp build (main = outside subpackages). */
export function report(dir) {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
  const roots = (app.subPackages || []).map((s) => s.root.replace(/\/$/, ''))
  const result = {}
  for (const file of listFiles(dir).filter((f) => f.endsWith('.js'))) {
    const rel = path.relative(dir, file).split(path.sep).join('/')
    const pkg = roots.find((r) => rel.startsWith(`${r}/`)) || 'main'
    const into = (result[pkg] ||= {})
    for (const [g, n] of Object.entries(attribute(file))) into[g] = (into[g] || 0) + n
  }
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const arg of process.argv.slice(2).length ? process.argv.slice(2) : ['dist/weapp-maps']) {
    const dir = path.resolve(root, arg)
    const kib = (b) => `${(b / 1024).toFixed(1)} KiB`.padStart(10)
    console.log(`\nMinified JavaScript by origin (${path.relative(root, dir)}; .wxml/.wxss/.json/images not included)`)
    for (const [pkg, groups] of Object.entries(report(dir))) {
      const total = Object.values(groups).reduce((a, b) => a + b, 0)
      console.log(`\n${pkg}  ${kib(total)}`)
      for (const [g, n] of Object.entries(groups)
        .sort((a, b) => b[1] - a[1])
        .filter(([, n]) => n >= 512)) {
        console.log(`  ${g.padEnd(44)} ${kib(n)}`)
      }
    }
  }
}
