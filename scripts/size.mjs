// Prints the byte size of the WeChat main package, each subpackage and the total, and fails above the
// budgets in size-budget.json. Usage: node scripts/size.mjs [distDir] [budgetName]
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const distDir = path.resolve(root, process.argv[2] || 'dist/weapp')
const budgetName = process.argv[3] || 'mocked'

/** Files WeChat packs into the upload: everything but source maps and extracted licence texts. */
const packed = (f) => !f.endsWith('.map') && !f.endsWith('.LICENSE.txt')

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? listFiles(p) : [p]
  })
}

/** Sizes in bytes: `{ main, subpackages: { root: bytes }, total }` for a weapp build folder. */
export function measure(dir) {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
  const roots = (app.subPackages || app.subpackages || []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 }
  for (const file of listFiles(dir).filter(packed)) {
    const rel = path.relative(dir, file).split(path.sep).join('/')
    const bytes = fs.statSync(file).size
    const sub = roots.find((r) => rel.startsWith(`${r}/`))
    if (sub) sizes.subpackages[sub] += bytes
    else sizes.main += bytes
    sizes.total += bytes
  }
  return sizes
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error(`No WeChat build in ${path.relative(root, distDir)}: run npm run build:weapp first`)
    process.exit(1)
  }
  const budgets = JSON.parse(fs.readFileSync(path.join(root, 'size-budget.json'), 'utf8'))[budgetName]
  const sizes = measure(distDir)
  const rows = [['main package', sizes.main, budgets.mainKiB]]
  for (const [r, b] of Object.entries(sizes.subpackages))
    rows.push([r, b, budgets.packageKiB?.[r] ?? budgets.subpackageKiB])
  rows.push(['total', sizes.total, budgets.totalKiB])
  let over = 0
  console.log(`WeChat package sizes (${path.relative(root, distDir)}, budget "${budgetName}")`)
  for (const [name, bytes, limit] of rows) {
    const ok = bytes <= limit * 1024
    if (!ok) over++
    console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(28)} ${kib(bytes).padStart(12)}  budget ${limit} KiB`)
  }
  if (over) {
    console.error(`${over} package(s) over budget`)
    process.exit(1)
  }
}
