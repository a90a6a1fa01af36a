/**
 * A strict `Date` for tests: string parsing accepts only full ISO 8601 — a calendar date `YYYY-MM-DD`
 * or an instant `YYYY-MM-DDTHH:mm[:ss[.sss]]` with `Z` or `±HH:mm` — and only real calendar dates and
 * times. Anything else (`2026-03-01 10:00`, which iOS's JavaScriptCore rejects, `2026/3/1`, `March 1`,
 * an instant without an offset, 2026-02-30) gives an Invalid Date / `NaN`, so code that leans on an
 * engine's loose parsing fails in tests instead of on a phone. Numbers, parts, dates and no argument
 * behave as usual; `Date()` called without `new` still returns a string.
 *
 * Installed by `tests/doubles/setup.ts` (Jest unit project) and inside the WeChat harness's vm context.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

/** Whether `text` is a string form the strict `Date` accepts (full ISO 8601 with a real calendar date). */
export function isStrictIso(text: string): boolean {
  const m = DATE_ONLY.exec(text) ?? INSTANT.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth
}

/** Marks a constructor made by `makeStrictDate`. */
const STRICT_DATE = Symbol.for('modern-community.strictDate')

/**
 * A `Date` constructor built on `Native` (the realm's own `Date`, so instances keep that realm's
 * prototype and `instanceof Date` holds) whose string parsing is strict (see the file header).
 */
export function makeStrictDate(Native: DateConstructor): DateConstructor {
  const parse = (text: unknown) => (typeof text === 'string' && isStrictIso(text) ? Native.parse(text) : NaN)
  function StrictDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return Native()
    const strict = args.length === 1 && typeof args[0] === 'string' ? [parse(args[0])] : args
    return Reflect.construct(Native, strict, new.target) as Date
  }
  StrictDate.prototype = Native.prototype
  Object.setPrototypeOf(StrictDate, Native)
  Object.defineProperty(StrictDate, 'name', { value: 'Date' })
  Object.defineProperty(StrictDate, 'parse', { value: parse, writable: true, configurable: true })
  Object.defineProperty(StrictDate, STRICT_DATE, { value: true })
  return StrictDate as unknown as DateConstructor
}

/** Replaces `target.Date` with the strict version (once). */
export function installStrictDate(target: { Date: DateConstructor }): void {
  if ((target.Date as unknown as Record<symbol, unknown>)[STRICT_DATE]) return
  target.Date = makeStrictDate(target.Date)
}
