/**
 * Rendering budgets for every page the harness opens, and the per-page figures the
 * benchmark prints. WeChat ships each `setData` across threads as JSON, so its byte size is the cost.
 *
 * - first screen: the page's first `setData` and those while it loads (before any tap) ≤ 128 KiB each;
 * - interaction: any `setData` caused by a tap, input or change ≤ 16 KiB;
 * - every page < 1,000 rendered nodes and < 30 levels deep.
 */
import fs from 'node:fs'

export const PERF_BUDGETS = { firstKiB: 128, interactionKiB: 16, nodes: 1000, depth: 30 } as const

/** What was seen on one route over every journey: bytes of `setData` calls, rendered nodes and depth. */
export interface RouteFigures {
  route: string
  /** Largest first `setData` of the page, bytes. */
  firstBytes: number
  /** Largest `setData` while the page was loading (before any interaction), bytes. */
  loadBytes: number
  /** Largest `setData` caused by an interaction, bytes. */
  interactionBytes: number
  maxNodes: number
  maxDepth: number
  opens: number
}

/** Figures per route for this process, merged over every launched app. */
export const figures = new Map<string, RouteFigures>()
/** Budget breaches since the last `takeViolations()`, in words. */
let violations: string[] = []

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`

function entry(route: string): RouteFigures {
  let f = figures.get(route)
  if (!f)
    figures.set(
      route,
      (f = { route, firstBytes: 0, loadBytes: 0, interactionBytes: 0, maxNodes: 0, maxDepth: 0, opens: 0 }),
    )
  return f
}

/** Records one `setData`: `kind` is `first`, `load` (while opening) or `interaction`. */
export function recordSetData(route: string, bytes: number, kind: 'first' | 'load' | 'interaction'): void {
  const f = entry(route)
  if (kind === 'first') {
    f.opens++
    f.firstBytes = Math.max(f.firstBytes, bytes)
  }
  if (kind === 'load') f.loadBytes = Math.max(f.loadBytes, bytes)
  if (kind === 'interaction') f.interactionBytes = Math.max(f.interactionBytes, bytes)
  const limit = kind === 'interaction' ? PERF_BUDGETS.interactionKiB : PERF_BUDGETS.firstKiB
  if (bytes > limit * 1024) violations.push(`${route}: ${kind} setData of ${kib(bytes)} (budget ${limit} KiB)`)
}

/** Records the rendered tree of a page after it settled. */
export function recordTree(route: string, nodes: number, depth: number): void {
  const f = entry(route)
  f.maxNodes = Math.max(f.maxNodes, nodes)
  f.maxDepth = Math.max(f.maxDepth, depth)
  if (nodes >= PERF_BUDGETS.nodes) violations.push(`${route}: ${nodes} rendered nodes (budget < ${PERF_BUDGETS.nodes})`)
  if (depth >= PERF_BUDGETS.depth) violations.push(`${route}: ${depth} levels deep (budget < ${PERF_BUDGETS.depth})`)
}

/** Returns and clears the breaches recorded so far (deduplicated). */
export function takeViolations(): string[] {
  const out = [...new Set(violations)]
  violations = []
  return out
}

/** Appends this process's figures as JSON lines to `file` (the benchmark merges them). */
export function writeFigures(file: string): void {
  if (figures.size === 0) return
  fs.appendFileSync(file, [...figures.values()].map((f) => JSON.stringify(f)).join('\n') + '\n')
}
