/**
 * A seeded fault schedule for the mocked backend, switchable from tests and the dev panel.
 * Kinds: `latency` (extra delay, then a normal answer), `timeout` (no answer; the handler does not
 * run), `server-error` (503; the handler does not run) and `lost-response` (the handler runs and saves,
 * but the answer never arrives, as when a phone loses signal).
 */

export type FaultKind = 'latency' | 'timeout' | 'server-error' | 'lost-response'
export const FAULT_KINDS: FaultKind[] = ['latency', 'timeout', 'server-error', 'lost-response']

/**
 * Fault settings: `rate` is the chance (0–1) of each kind per request; `latencyMs` is added to every request when on.
 */
export interface FaultConfig {
  enabled: boolean
  seed: number
  rate: number
  latencyMs: number
  kinds: FaultKind[]
}

export const DEFAULT_FAULTS: FaultConfig = {
  enabled: false,
  seed: 42,
  rate: 0.3,
  latencyMs: 2000,
  kinds: [...FAULT_KINDS],
}

/** What the transport must do for one request. */
export interface FaultDecision {
  kind: FaultKind | null
  delayMs: number
}

/** One step of mulberry32 from `state`: a number in [0, 1) and the next state. */
function step(state: number): { value: number; state: number } {
  const a = (state + 0x6d2b79f5) >>> 0
  let t = a
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: a }
}

/**
 * The fault for the next request under `config`, drawn from the generator at `state` (the seed when
 * the schedule starts): each kind with probability `rate`, in a fixed order. Returns the next state,
 * which the caller saves (the schedule is data, shared by every tab or process).
 */
export function drawFault(config: FaultConfig, state: number): { decision: FaultDecision; state: number } {
  if (!config.enabled) return { decision: { kind: null, delayMs: 0 }, state }
  let kind: FaultKind | null = null
  let s = state >>> 0
  for (const k of config.kinds) {
    if (k === 'latency') continue
    const r = step(s)
    s = r.state
    if (r.value < config.rate && !kind) kind = k
  }
  return { decision: { kind, delayMs: config.kinds.includes('latency') ? config.latencyMs : 0 }, state: s }
}
