/**
 * The backend clock ("mock time"). Every time-based rule (deadlines, monthly credit, 24-hour windows)
 * reads `clock.now()` (epoch ms), never `Date.now()`. Mock time is the real time plus an offset that
 * tests and the dev panel set or advance; it is persisted with the database so it survives restarts.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

/** A clock that is the wall clock plus an adjustable offset (ms). */
export class MockClock implements Clock {
  constructor(
    public offsetMs = 0,
    private wall: () => number = () => Date.now(),
  ) {}

  now(): number {
    return this.wall() + this.offsetMs
  }

  /** Jumps to an instant (epoch ms). */
  set(instantMs: number): void {
    this.offsetMs = instantMs - this.wall()
  }

  /** Moves forward (or back, when negative) by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms
  }
}

/** A clock frozen at `instantMs` unless moved: for tests. */
export function fixedClock(instantMs: number): MockClock {
  return new MockClock(0, () => instantMs)
}
