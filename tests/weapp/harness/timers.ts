/**
 * Virtual timers for the WeChat runtime harness: `setTimeout` & co. inside the sandbox never wait on
 * the wall clock; the harness advances a virtual clock and fires due callbacks in order.
 */
interface Timer {
  id: number
  due: number
  fn: (...a: unknown[]) => void
  args: unknown[]
  every?: number
}

/** Resolves after the host has drained pending microtasks (promises) once. */
const flushMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve))

export class VirtualTimers {
  /** Virtual milliseconds since the harness started. */
  now = 0
  private seq = 0
  private queue: Timer[] = []

  /** The timer functions installed as globals of the sandbox. */
  globals() {
    return {
      setTimeout: (fn: Timer['fn'], ms = 0, ...args: unknown[]) => this.add(fn, ms, args),
      clearTimeout: (id: number) => this.remove(id),
      setInterval: (fn: Timer['fn'], ms = 0, ...args: unknown[]) => this.add(fn, ms, args, Math.max(1, ms)),
      clearInterval: (id: number) => this.remove(id),
    }
  }

  /** How many timers are waiting. */
  get pending() {
    return this.queue.length
  }

  private add(fn: Timer['fn'], ms: number, args: unknown[], every?: number) {
    const id = ++this.seq
    this.queue.push({ id, due: this.now + Math.max(0, Number(ms) || 0), fn, args, every })
    return id
  }

  private remove(id: number) {
    this.queue = this.queue.filter((t) => t.id !== id)
  }

  /**
   * Runs every timer due up to `now + ms` (virtual), draining microtasks between callbacks.
   * Stops after `maxCallbacks` to survive runaway intervals.
   */
  async advance(ms: number, maxCallbacks = 10_000): Promise<void> {
    const until = this.now + ms
    await flushMicrotasks()
    for (let n = 0; n < maxCallbacks; n++) {
      const next = this.queue.filter((t) => t.due <= until).sort((a, b) => a.due - b.due || a.id - b.id)[0]
      if (!next) break
      this.now = Math.max(this.now, next.due)
      if (next.every) next.due = this.now + next.every
      else this.remove(next.id)
      next.fn(...next.args)
      await flushMicrotasks()
    }
    this.now = Math.max(this.now, until)
    await flushMicrotasks()
  }
}
