/**
 * `npm run bench`: prints the app's performance figures (not a pass/fail test; budgets live in
 * `npm test`). Sections:
 *  1. WeChat package sizes of the mocked and the real-backend builds;
 *  2. per page, the largest first-screen and interaction `setData` and the rendered nodes/depth, over
 *     every journey the WeChat runtime harness drives;
 *  3. the mocked backend: time to load the seeded database from storage, median latency per route;
 *  4. H5 cold loads in headless Chromium with 4× CPU throttling (median of 5): first contentful paint
 *     and main content visible for home and each service's main page, against a bare Taro hello-world
 *     page built the same way in the same run;
 *  5. WeChat launch in the runtime harness: from app.js to the first screen showing the embedded
 *     backend's first answer (the backend loads from its own subpackage).
 * Options: `--skip-build` reuses dist/weapp, dist/weapp-real, dist/weapp-hello, dist/h5-bench and dist/h5-hello;
 * `--runs N` changes the number of cold loads.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { routeTimings, timeLoad } from './bench-backend'
import { timeH5, type H5Target } from './bench-h5'
import { timeLaunch } from './bench-launch'

const root = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const skipBuild = args.includes('--skip-build')
const runs = Number(args[args.indexOf('--runs') + 1]) || 5
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'))
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`
const pad = (s: string | number, n: number) => String(s).padStart(n)

/** Runs a command quietly; on failure prints the end of its output and throws. */
function run(cmd: string, env: Record<string, string> = {}): void {
  try {
    execSync(cmd, { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe', maxBuffer: 256 * 2 ** 20 })
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer }
    console.error(`${cmd} failed:\n${String(stdout ?? '').slice(-3000)}\n${String(stderr ?? '').slice(-3000)}`)
    throw e
  }
}

async function main(): Promise<void> {
  console.log(
    `Benchmark ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  )
  if (!skipBuild) {
    console.log('building: weapp (mocked, real backend), H5 (app, hello-world)…')
    run('npx taro build --type weapp')
    run('npx taro build --type weapp', { TARO_APP_API_BASE: 'http://127.0.0.1:3917', OUTPUT_ROOT: 'dist/weapp-real' })
    run('npx taro build --type weapp', { HELLO_WORLD: '1', OUTPUT_ROOT: 'dist/weapp-hello' })
    run('npx taro build --type h5', { OUTPUT_ROOT: 'dist/h5-bench' })
    run('npx taro build --type h5', { HELLO_WORLD: '1', OUTPUT_ROOT: 'dist/h5-hello' })
  }

  // 1. Sizes.
  const { measure } = (await import('./size.mjs' as string)) as {
    measure(dir: string): { main: number; subpackages: Record<string, number>; total: number }
  }
  const mocked = measure(path.join(root, 'dist/weapp'))
  const real = measure(path.join(root, 'dist/weapp-real'))
  console.log('\n1. WeChat packages                 mocked backend   real backend')
  console.log(`   main package              ${pad(kib(mocked.main), 16)} ${pad(kib(real.main), 14)}`)
  for (const sub of Object.keys(mocked.subpackages)) {
    console.log(
      `   ${sub.padEnd(25)} ${pad(kib(mocked.subpackages[sub]), 16)} ${pad(kib(real.subpackages[sub] ?? 0), 14)}`,
    )
  }
  console.log(`   total                     ${pad(kib(mocked.total), 16)} ${pad(kib(real.total), 14)}`)
  const hello = measure(path.join(root, 'dist/weapp-hello'))
  console.log(
    `   bare Taro hello-world main ${kib(hello.main)}: mocked main ×${(mocked.main / hello.main).toFixed(2)}, real-backend main ×${(real.main / hello.main).toFixed(2)}`,
  )

  // 2. setData per page, over the harness journeys.
  const perfFile = path.join(tmp, 'weapp-perf.jsonl')
  run('npx jest --selectProjects weapp --silent', { WEAPP_PERF_OUT: perfFile })
  const pages = new Map<
    string,
    { first: number; load: number; act: number; nodes: number; depth: number; opens: number }
  >()
  for (const line of fs.readFileSync(perfFile, 'utf8').trim().split('\n')) {
    const f = JSON.parse(line)
    const e = pages.get(f.route) ?? { first: 0, load: 0, act: 0, nodes: 0, depth: 0, opens: 0 }
    pages.set(f.route, {
      first: Math.max(e.first, f.firstBytes),
      load: Math.max(e.load, f.loadBytes),
      act: Math.max(e.act, f.interactionBytes),
      nodes: Math.max(e.nodes, f.maxNodes),
      depth: Math.max(e.depth, f.maxDepth),
      opens: e.opens + f.opens,
    })
  }
  console.log(
    '\n2. setData per page (bytes, largest seen over every harness journey; budgets: first screen 128 KiB, interaction 16 KiB, < 1000 nodes, < 30 levels)',
  )
  console.log(
    `   ${'page'.padEnd(52)} ${pad('opens', 5)} ${pad('first', 7)} ${pad('loading', 8)} ${pad('interact', 8)} ${pad('nodes', 5)} ${pad('depth', 5)}`,
  )
  for (const [route, e] of [...pages.entries()].sort()) {
    console.log(
      `   ${route.padEnd(52)} ${pad(e.opens, 5)} ${pad(e.first, 7)} ${pad(e.load, 8)} ${pad(e.act, 8)} ${pad(e.nodes, 5)} ${pad(e.depth, 5)}`,
    )
  }

  // 3. Mocked backend.
  const load = timeLoad()
  const routesFile = path.join(tmp, 'routes.jsonl')
  run('npx jest tests/unit/backend --selectProjects unit --silent', { BENCH_ROUTES_OUT: routesFile })
  const { timings, untimed } = routeTimings(routesFile)
  console.log(
    `\n3. Mocked backend (Node, simulated latency off)\n   load the seeded database from storage: median ${load.medianMs.toFixed(1)} ms (${load.keys} keys, ${kib(load.bytes)})`,
  )
  console.log(
    `   median latency per route over the route tests' successful calls (${timings.length} routes; not reached with a 2xx: ${untimed.length ? untimed.join(', ') : 'none'})`,
  )
  console.log(`   ${'route'.padEnd(64)} ${pad('calls', 5)} ${pad('median', 8)} ${pad('max', 8)}`)
  for (const t of timings)
    console.log(
      `   ${t.route.padEnd(64)} ${pad(t.calls, 5)} ${pad(t.medianMs.toFixed(2), 8)} ${pad(t.maxMs.toFixed(2), 8)}`,
    )

  // 4. H5 cold loads.
  const targets: H5Target[] = [
    { label: 'home (首页)', route: 'pages/index/index' },
    { label: '养老服务爱心卡', route: 'packages/care-card/pages/index/index' },
    { label: '家门口青少年宫', route: 'packages/youth-palace/pages/index/index' },
    { label: '加装电梯', route: 'packages/elevator/pages/index/index' },
    { label: '一件事', route: 'packages/one-thing/pages/index/index' },
  ]
  const helloH5 = (
    await timeH5(
      path.join(root, 'dist/h5-hello'),
      [{ label: 'Taro hello-world', route: 'pages/index/index', minText: 5 }],
      { runs },
    )
  )[0]
  const app = await timeH5(path.join(root, 'dist/h5-bench'), targets, { runs, userId: 'u-wang' })
  console.log(`\n4. H5 cold loads (headless Chromium, 127.0.0.1, 4× CPU throttling, cache off, median of ${runs}; ms)`)
  console.log(
    `   ${'page'.padEnd(22)} ${pad('FCP', 7)} ${pad('main', 7)} ${pad('FCP ×hello', 11)} ${pad('main ×hello', 12)}`,
  )
  for (const t of [helloH5, ...app]) {
    console.log(
      `   ${t.label.padEnd(22 - [...t.label].filter((c) => c.charCodeAt(0) > 255).length)} ${pad(Math.round(t.fcpMs), 7)} ${pad(Math.round(t.mainMs), 7)} ${pad((t.fcpMs / helloH5.fcpMs).toFixed(2), 11)} ${pad((t.mainMs / helloH5.mainMs).toFixed(2), 12)}`,
    )
  }

  // 5. WeChat launch to the first backend answer.
  const launch = await timeLaunch(path.join(root, 'dist/weapp'), 9)
  console.log(
    `\n5. WeChat launch in the harness (Node vm, no simulated latency): app.js to the first screen showing the embedded backend's first answer`,
  )
  console.log(
    `   median ${launch.medianMs.toFixed(1)} ms (min ${launch.minMs.toFixed(1)}, max ${launch.maxMs.toFixed(1)}; 9 launches after one warm-up)`,
  )
  fs.rmSync(tmp, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
