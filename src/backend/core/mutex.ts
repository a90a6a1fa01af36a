/** Runs async tasks one at a time, in arrival order (so two requests for the last seat cannot both win). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every task queued before it has settled; resolves or rejects with its result. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
