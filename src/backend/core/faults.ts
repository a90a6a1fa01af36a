/**
 * A seeded fault schedule for the mocked backend, switchable from tests and the dev panel.
 * Kinds: `latency` (extra delay, then a normal answer), `timeout` (no answer; the handler does not
 * run), `server-error` (503; the handler does not run) and `lost-response` (the handler runs and saves,
 * but the answer never arrives, as when a phone loses signal).
 */
import { seededRandom } from './ids'

export type FaultKind = 'latency' | 'timeout' | 'server-error' | 'lost-response'
export const FAULT_KINDS: FaultKind[] = ['latency', 'timeout', 'server-error', 'lost-response']

/** Fault settings: `rate` is the chance (0–1) of each kind per request; `latencyMs` is added to every request when on. */
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

/** Draws faults from a seeded sequence: the same seed gives the same schedule. */
export class FaultSchedule {
  private random: () => number
  constructor(public config: FaultConfig = { ...DEFAULT_FAULTS }) {
    this.random = seededRandom(config.seed)
  }

  /** Replaces the settings and restarts the sequence from the seed. */
  configure(config: Partial<FaultConfig>): void {
    this.config = { ...this.config, ...config }
    this.random = seededRandom(this.config.seed)
  }

  /** The fault for the next request: each kind is drawn with probability `rate`, in a fixed order. */
  next(): FaultDecision {
    if (!this.config.enabled) return { kind: null, delayMs: 0 }
    let kind: FaultKind | null = null
    for (const k of this.config.kinds) {
      if (k === 'latency') continue
      if (this.random() < this.config.rate && !kind) kind = k
    }
    return { kind, delayMs: this.config.kinds.includes('latency') ? this.config.latencyMs : 0 }
  }
}
