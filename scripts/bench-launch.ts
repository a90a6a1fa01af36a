/**
 * Launch timing in the WeChat runtime harness (Node vm, virtual timers: no simulated latency, so the
 * figure is the JavaScript work alone): wall-clock milliseconds from loading `app.js` until the first
 * screen (the login page) shows the first answer of the backend (the demo personas), median of `runs`.
 */
import { MiniProgram } from '../tests/weapp/harness'

/** `{ medianMs, minMs, maxMs }` over `runs` fresh launches of the build in `distDir`. */
export async function timeLaunch(
  distDir: string,
  runs = 7,
): Promise<{ medianMs: number; minMs: number; maxMs: number }> {
  const times: number[] = []
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now()
    const mp = await MiniProgram.launch({ distDir })
    if (mp.page.has('accept-privacy')) await mp.page.tap('accept-privacy')
    if (!mp.page.has('persona-u-wang'))
      throw new Error(`${distDir}: no personas on the first screen: ${mp.page.text().slice(0, 200)}`)
    if (i > 0) times.push(performance.now() - t0) // the first launch warms up Node's module cache
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times[times.length - 1] }
}

if (require.main === module) {
  const dirs = process.argv.slice(2)
  ;(async () => {
    for (const dir of dirs) {
      const t = await timeLaunch(dir, 9)
      console.log(
        `${dir}: launch to first answer median ${t.medianMs.toFixed(1)} ms (min ${t.minMs.toFixed(1)}, max ${t.maxMs.toFixed(1)})`,
      )
    }
  })().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
