// `npm test`: every test level in order, stopping at the first failure.
//   0. Lint (ESLint), format check (Prettier), dead code (knip): the conventions of docs/conventions.md
//   1. Chromium present (installed with apt-get when missing and we are root; otherwise stop with the command)
//   2. TypeScript strict type check
//   3. Jest unit + component tests, under TZ=Asia/Shanghai (the backend suites in-app) and TZ=UTC (the
//      backend suites also on the server over PGlite and over a PostgreSQL started here)
//   4. WeChat build → miniprogram-ci compile check → size gate; real-backend build → size gate;
//      runtime-harness tests (the mocked build, and the real-backend build over HTTP)
//   5. H5 test build → browser tests in Chromium
// Ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { installCommand, postgresBin, startPostgres } from './test-postgres.mjs'

const root = path.resolve(import.meta.dirname, '..')
const artifacts = path.join(root, 'tests/.artifacts')
fs.mkdirSync(artifacts, { recursive: true })
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const totals = { passed: 0, failed: 0 }
const started = Date.now()

function run(title, cmd, args, env = {}) {
  const t0 = Date.now()
  console.log(`\n▶ ${title}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const secs = ((Date.now() - t0) / 1000).toFixed(1)
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (${secs}s)`)
    finish(1)
  }
  console.log(`✔ ${title} (${secs}s)`)
}

function jest(title, project, env = {}, extra = []) {
  const out = path.join(artifacts, `jest-${project}-${env.TZ ?? 'default'}.json`.replace('/', '_'))
  fs.rmSync(out, { force: true })
  const t0 = Date.now()
  console.log(`\n▶ ${title}`)
  const r = spawnSync('npx', ['jest', '--selectProjects', project, '--json', `--outputFile=${out}`, ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'))
    totals.passed += j.numPassedTests
    totals.failed += j.numFailedTests
    if (j.numTotalTests === 0) {
      console.error(`✖ ${title}: no tests ran`)
      finish(1)
    }
  }
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`)
    finish(1)
  }
  console.log(`✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)}s)`)
}

let postgres = null

function finish(code) {
  if (postgres) {
    postgres.stopSync() // by its process id
    postgres = null
  }
  console.log(`\nnpm test ${code ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)}s`)
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`)
  process.exit(code)
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return
  const cmd = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium is missing: installing Debian's chromium (${cmd})`)
    const r = spawnSync('sh', ['-c', cmd], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (r.status === 0 && fs.existsSync(CHROMIUM)) return
  }
  console.error(
    `Chromium is needed for the browser tests and is not at ${CHROMIUM}. Install it with:\n  sudo sh -c '${cmd}'\n(or set CHROMIUM_PATH to a Chromium binary).`,
  )
  process.exit(1)
}

/** PostgreSQL's binaries: installed with apt-get when missing and we are root; otherwise stop with the command. */
function ensurePostgres() {
  if (postgresBin()) return
  const cmd = `apt-get update && ${installCommand}`
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log(`PostgreSQL is missing: installing Debian's postgresql (${cmd})`)
    const r = spawnSync('sh', ['-c', cmd], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (r.status === 0 && postgresBin()) return
  }
  console.error(
    `PostgreSQL is needed for the server tests and is not installed. Install it with:\n  sudo sh -c '${cmd}'`,
  )
  process.exit(1)
}

run('Lint (ESLint: TypeScript, React hooks, layers, import paths)', 'npx', ['eslint', '.', '--max-warnings=0'])
run('Format check (Prettier; fix with npm run format)', 'npx', ['prettier', '--check', '--log-level=warn', '.'])
run('Dead code (knip: unused files, exports, dependencies)', 'npx', ['knip'])
ensureChromium()
ensurePostgres()
run('Type check (tsc --noEmit, strict)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
jest('Jest unit and component tests (TZ=Asia/Shanghai)', 'unit', { TZ: 'Asia/Shanghai' })
const t0 = Date.now()
postgres = await startPostgres()
console.log(
  `\nPostgreSQL for the tests on ${postgres.url} (pid ${postgres.pid}, ${((Date.now() - t0) / 1000).toFixed(1)}s)`,
)
// PGlite needs Node's vm modules inside Jest.
const sqlEnv = {
  MC_SQL: '1',
  MC_PG_URL: postgres.url,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
}
jest('Jest unit and component tests (TZ=UTC; backend suites in-app, on PGlite and on PostgreSQL)', 'unit', {
  TZ: 'UTC',
  ...sqlEnv,
})
run('WeChat build (mocked backend)', 'npx', ['taro', 'build', '--type', 'weapp'], {
  NODE_ENV: 'production',
  TARO_APP_API_BASE: '',
})
run('miniprogram-ci offline compile check', 'node', ['tests/weapp/compile-check.mjs', 'dist/weapp'])
run('Size gate', 'node', ['scripts/size.mjs', 'dist/weapp', 'mocked'])
run(
  'WeChat build with a real backend (TARO_APP_API_BASE, no mock inside)',
  'npx',
  ['taro', 'build', '--type', 'weapp'],
  { NODE_ENV: 'production', TARO_APP_API_BASE: 'http://127.0.0.1:3917', OUTPUT_ROOT: 'dist/weapp-real' },
)
run('Size gate (real-backend build)', 'node', ['scripts/size.mjs', 'dist/weapp-real', 'realBackend'])
jest('WeChat runtime harness tests (TZ=UTC; the real-backend build against the server on PostgreSQL)', 'weapp', {
  TZ: 'UTC',
  ...sqlEnv,
})
run('H5 test build (animations off)', 'npx', ['taro', 'build', '--type', 'h5'], {
  NODE_ENV: 'production',
  TARO_APP_TEST: '1',
  OUTPUT_ROOT: 'dist/h5-test',
  TARO_APP_API_BASE: '',
})
jest('Browser tests in Chromium', 'e2e', { TZ: 'UTC' }, ['--runInBand'])
finish(0)
