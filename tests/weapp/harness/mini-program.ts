/**
 * WeChat runtime harness: loads the compiled `dist/weapp` app in a Node `vm` with a stubbed `wx`,
 * `App`, `Page`, `Component`, `getApp` and `getCurrentPages`, runs page lifecycles, applies every
 * `setData` to a data tree (recording its byte size), fires taps and inputs through Taro's `eh`
 * handler, and navigates with WeChat's rules (10-page stack, tab pages).
 *
 *   const mp = await MiniProgram.launch()
 *   await mp.page.tap('爱心卡')            // by id, then by visible text
 *   expect(mp.page.route).toBe('packages/care-card/pages/index/index')
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import type { Tx } from '@/backend/core/router'
import { makeStrictDate } from '../../doubles/strict-date'
import { recordSetData, recordTree } from './perf'
import { VirtualTimers } from './timers'
import { applyPath, decode, depthOf, readTemplateMap, textOf, walk, type TemplateMap, type UiNode } from './tree'
import { createWx, type WxCall } from './wx-stub'

/** The WeChat build to load: `WEAPP_DIST` (absolute or relative to the repo) or dist/weapp. */
export const DEFAULT_DIST = path.resolve(__dirname, '../../..', process.env.WEAPP_DIST || 'dist/weapp')
/** WeChat's page stack limit (navigateTo fails beyond it). */
export const MAX_PAGE_STACK = 10

/** One `setData` call: which page, its JSON byte size, and whether it was the page's first. */
export interface SetDataRecord {
  route: string
  bytes: number
  first: boolean
  keys: string[]
}

export interface LaunchOptions {
  distDir?: string
  /** Storage left by an earlier run (key → JSON text); shared, so a relaunch sees what was saved. */
  storage?: Map<string, string>
  /** WeChat's font scale (`getAppBaseInfo().fontSizeScaleFactor`). */
  fontSizeScaleFactor?: number
  /** First page, e.g. `/pages/me/index?x=1` (default: the first page of app.json). */
  entry?: string
  /** Let `wx.request` reach 127.0.0.1 (for a build with `TARO_APP_API_BASE`). */
  network?: boolean
  /** Record every request the app makes to the embedded mocked backend in `requests` (mock builds). */
  recordRequests?: boolean
  /** Virtual milliseconds a `require.async` download takes (default 0: the next tick). */
  asyncRequireDelayMs?: number
  /**
   * Turn the embedded backend's fault schedule off before the app starts (mock builds). Faults are kept
   * in the backend's data, so a schedule turned on in an earlier launch on the same `storage` is still on.
   */
  faultsOff?: boolean
}

/** A request the app made to the embedded backend: method, URL (path and query), body. */
export interface RecordedRequest {
  method: string
  url: string
  body: unknown
  /** How many wx API calls (`calls`) the app had made when it sent this request (their order). */
  afterCalls?: number
}

type Instance = Record<string, any>
type PageConfig = Record<string, any>

/** An open page: its instance, its data tree, and ways to find nodes and act on them. */
export class PageHandle {
  constructor(
    private mp: MiniProgram,
    readonly route: string,
    readonly query: Record<string, string>,
    readonly instance: Instance,
  ) {}

  /** The decoded node tree of the page (a synthetic `root` node on top). */
  get root(): UiNode {
    return decode({ nn: 'root', sid: 'root', cn: this.instance.data?.root?.cn ?? [] }, this.mp.templates)
  }
  /** All visible text of the page. */
  text(): string {
    return textOf(this.root)
  }
  /** Every node of the page. */
  nodes(): UiNode[] {
    return walk(this.root)
  }
  /** The element with this `id` attribute, or undefined. */
  byId(id: string): UiNode | undefined {
    return this.nodes().find((n) => n.id === id)
  }
  /** Elements whose own text (their text-node children joined) contains or matches `text`. */
  allByText(text: string | RegExp): UiNode[] {
    return this.nodes().filter(
      (n) =>
        n.tag !== '#text' &&
        n.children.some((c) => c.tag === '#text') &&
        (typeof text === 'string' ? ownText(n).includes(text) : text.test(ownText(n))),
    )
  }
  /** The first element found by id, then by text; throws with the page's text when there is none. */
  get(target: string | RegExp | UiNode): UiNode {
    if (typeof target === 'object' && 'sid' in target) return target
    const node = (typeof target === 'string' && this.byId(target)) || this.allByText(target)[0]
    if (!node) throw new Error(`No node "${String(target)}" on ${this.route}. Page text: ${this.text().slice(0, 600)}`)
    return node
  }
  /** Whether a node with this id or text is on the page. */
  has(target: string | RegExp): boolean {
    return (typeof target === 'string' && !!this.byId(target)) || this.allByText(target).length > 0
  }
  /** Taps a node: WeChat calls `eh` on every bound element from the node up (bubbling). */
  async tap(target: string | RegExp | UiNode): Promise<void> {
    await this.fire(this.get(target), 'tap', { x: 10, y: 10 })
  }
  /**
   * Types (or pastes) `value` into an input or textarea (fires `input`, then `blur`). Like WeChat, the
   * field keeps at most its `maxlength` characters (140 when unset; -1: no limit) of what was typed.
   */
  async input(target: string | RegExp | UiNode, value: string): Promise<void> {
    let node = this.get(target)
    if (!['input', 'textarea'].includes(node.tag)) {
      node = walk(node).find((n) => ['input', 'textarea'].includes(n.tag)) ?? node
    }
    const max = Number(node.attrs.maxlength ?? WECHAT_DEFAULT_MAXLENGTH)
    if (Number.isFinite(max) && max >= 0) value = [...value].slice(0, max).join('')
    await this.fire(node, 'input', { value, cursor: value.length, keyCode: 0 }, false)
    await this.fire(node, 'blur', { value }, false)
  }
  /** Fires a picker/switch/checkbox `change` event with `detail.value`. */
  async change(target: string | RegExp | UiNode, value: unknown): Promise<void> {
    await this.fire(this.get(target), 'change', { value }, false)
  }
  /** Fires an event of `type` on `node`; bubbles like WeChat when `bubbles`. */
  async fire(node: UiNode, type: string, detail: Record<string, unknown>, bubbles = true): Promise<void> {
    const targetEl = node.tag === '#text' ? node.parent! : node
    const desc = (n: UiNode) => ({ id: n.id || n.sid, dataset: { sid: n.sid } })
    const chain: UiNode[] = []
    for (let n: UiNode | undefined = targetEl; n && n.sid !== 'root'; n = bubbles ? n.parent : undefined) {
      if (this.mp.templates.events[n.code]?.has(type)) chain.push(n)
    }
    if (chain.length === 0)
      throw new Error(
        `Nothing handles "${type}" on or above <${targetEl.tag}> "${textOf(targetEl).slice(0, 40)}" on ${this.route}`,
      )
    this.mp.interacting = this.route
    try {
      for (const el of chain) {
        this.instance.eh({
          type,
          timeStamp: Date.now(),
          target: desc(targetEl),
          currentTarget: desc(el),
          detail: { ...detail },
          touches: [],
          changedTouches: [],
        })
      }
      await this.mp.settle()
    } finally {
      this.mp.interacting = undefined
    }
  }
}

/** WeChat input and textarea `maxlength` when none is set. */
const WECHAT_DEFAULT_MAXLENGTH = 140

const ownText = (n: UiNode) =>
  n.children
    .filter((c) => c.tag === '#text')
    .map((c) => c.text)
    .join('')

/** `Native` with its "now" moved by `shiftMs` (no-argument construction and `now()`); all else as is. */
function shiftedDate(Native: DateConstructor, shiftMs: number): DateConstructor {
  function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
    const now = Native.now() + shiftMs
    if (!new.target) return new Native(now).toString()
    return Reflect.construct(Native, args.length ? args : [now], new.target) as Date
  }
  ShiftedDate.prototype = Native.prototype
  Object.setPrototypeOf(ShiftedDate, Native)
  Object.defineProperty(ShiftedDate, 'now', { value: () => Native.now() + shiftMs })
  return ShiftedDate as unknown as DateConstructor
}

/** The app running in the harness. */
export class MiniProgram {
  readonly timers = new VirtualTimers()
  readonly storage: Map<string, string>
  readonly calls: WxCall[]
  readonly setDataLog: SetDataRecord[] = []
  readonly templates: TemplateMap
  readonly appJson: {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
    tabBar?: { list: { pagePath: string }[] }
  }
  /** Errors the app logged with console.error (a test can assert there were none). */
  readonly errors: unknown[] = []
  /** Everything else the app logged (console.log/info/debug/warn), each call's arguments. */
  readonly logs: unknown[][] = []
  /** Requests to the embedded backend, when launched with `recordRequests` (HTTP mode: `calls` 'request'). */
  readonly requests: RecordedRequest[] = []
  /** Answers to the next `showModal` calls (true = confirm); when empty, modals are confirmed. */
  modalAnswers: boolean[] = []
  /** The route where a tap/input/change is running: its `setData` there counts as an interaction's. */
  interacting: string | undefined
  /** Index chosen by the next `showActionSheet` calls; default 0. */
  actionSheetAnswers: number[] = []
  stack: PageHandle[] = []
  private tabPages = new Map<string, PageHandle>()
  private configs = new Map<string, PageConfig>()
  private loadingRoute?: string
  /** Navigations started by the app (wx.navigateTo…) that have not finished opening their page. */
  private inFlight = new Set<Promise<void>>()
  private modules = new Map<string, { exports: unknown }>()
  /** Files the app loaded with WeChat's `require.async` (relative to the build folder), in order. */
  readonly asyncRequires: string[] = []
  private context: vm.Context
  private app: Instance = {}

  private readonly asyncRequireDelayMs: number

  /**
   * Shifts the sandbox's wall clock (`Date.now()`, `new Date()`) by this many ms for every launch from now
   * on (0: the real time). The embedded backend seeds and keeps mock time from that clock. For journeys
   * that need what the seed holds only on most days (e.g. a lunch booked for tomorrow in the same credit
   * year, absent on 31 December): set it in the test file, which has its own module registry.
   */
  static wallClockShiftMs = 0

  private constructor(
    private distDir: string,
    opts: LaunchOptions,
  ) {
    this.storage = opts.storage ?? new Map()
    this.asyncRequireDelayMs = opts.asyncRequireDelayMs ?? 0
    this.templates = readTemplateMap(distDir)
    this.appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'))
    const { wx, calls } = createWx(
      {
        navigate: (kind, url) => this.track(this.navigate(kind, url)),
        navigateBack: (delta) => this.track(this.back(delta)),
        answerModal: () => {
          const confirm = this.modalAnswers.length ? this.modalAnswers.shift()! : true
          return { confirm, cancel: !confirm }
        },
        answerActionSheet: () => ({ tapIndex: this.actionSheetAnswers.shift() ?? 0 }),
        network: opts.network,
        track: (p) => {
          this.track(p)
        },
        systemInfo: {
          platform: 'devtools',
          system: 'iOS 17.0',
          SDKVersion: '3.7.0',
          pixelRatio: 2,
          windowWidth: 375,
          windowHeight: 667,
          screenWidth: 375,
          screenHeight: 667,
          statusBarHeight: 20,
          safeArea: { top: 20, left: 0, right: 375, bottom: 667, width: 375, height: 647 },
          fontSizeScaleFactor: opts.fontSizeScaleFactor ?? 1,
        },
      },
      this.storage,
    )
    this.calls = calls
    const hostConsole = {
      ...console,
      log: (...args: unknown[]) => {
        this.logs.push(args)
      },
      info: (...args: unknown[]) => {
        this.logs.push(args)
      },
      debug: (...args: unknown[]) => {
        this.logs.push(args)
      },
      warn: (...args: unknown[]) => {
        this.logs.push(args)
      },
      error: (...args: unknown[]) => {
        this.errors.push(args)
      },
    }
    this.context = vm.createContext({
      wx,
      console: hostConsole,
      ...this.timers.globals(),
      App: (config: Instance) => {
        this.app = config
      },
      Page: (config: PageConfig) => {
        if (!this.loadingRoute) throw new Error('Page() called outside of a page file')
        this.configs.set(this.loadingRoute, config)
      },
      Component: () => {},
      Behavior: (b: unknown) => b,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: () => ({}),
      __wxConfig: { envVersion: 'develop', platform: 'devtools' },
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
    })
    // A strict Date, built on the context's own: only full ISO 8601 strings parse, as on iOS.
    const native = vm.runInContext('Date', this.context) as DateConstructor
    this.context.Date = makeStrictDate(
      MiniProgram.wallClockShiftMs ? shiftedDate(native, MiniProgram.wallClockShiftMs) : native,
    )
  }

  /** Evaluates an expression inside the app's sandbox (e.g. to check its globals). */
  evaluate(expression: string): unknown {
    return vm.runInContext(expression, this.context)
  }

  /** Loads `app.js`, runs the app's `onLaunch`/`onShow`, and opens the entry page. */
  static async launch(opts: LaunchOptions = {}): Promise<MiniProgram> {
    const distDir = opts.distDir ?? DEFAULT_DIST
    if (!fs.existsSync(path.join(distDir, 'app.js')))
      throw new Error(`No WeChat build in ${distDir}: run npm run build:weapp first`)
    const mp = new MiniProgram(distDir, opts)
    mp.require(path.join(distDir, 'app.js'))
    // Mock builds load the embedded backend's subpackage with require.async when app.js runs.
    if (mp.asyncRequires.length) await mp.timers.advance(0)
    if (opts.recordRequests) mp.recordRequests()
    if (opts.faultsOff) await mp.backend().configureFaults({ enabled: false })
    const entry = opts.entry ?? `/${mp.appJson.pages[0]}`
    const { route, query } = parseUrl(entry)
    mp.app.onLaunch?.({ path: route, query, scene: 1001 })
    mp.app.onShow?.({ path: route, query, scene: 1001 })
    await mp.settle()
    await mp.navigate('reLaunch', entry)
    await mp.settle()
    return mp
  }

  /**
   * The app's embedded mocked backend (mock builds only): set mock time with
   * `mp.backend().clock.set(ms)`, read data with `await mp.backend().inspect('care_orders', { holderId })`,
   * set it up with `arrange` / `tamper`, inject faults with
   * `await mp.backend().configureFaults({ enabled: true, rate: 1, latencyMs: 0, kinds: ['server-error'] })`.
   */
  backend(): {
    clock: { now(): number; set(ms: number): void; advance(ms: number): void }
    inspect<R = any>(table: string, where?: Record<string, unknown>): Promise<R[]>
    arrange(table: string, rows: object[]): Promise<void>
    tamper(table: string, key: string, patch: object): Promise<void>
    /** One transaction over the repositories, for what the helpers do not do (e.g. `tx.core.sessions.remove`). */
    run<T>(work: (tx: Tx) => Promise<T>): Promise<T>
    configureFaults(c: Record<string, unknown>): Promise<void>
  } {
    const get = (this.context as unknown as { __mcMockBackend?: () => any }).__mcMockBackend
    if (!get) throw new Error('This build has no embedded mock backend')
    return get()
  }

  /** Wraps the embedded backend's `handle` so every request lands in `requests`. */
  private recordRequests(): void {
    const backend = this.backend() as unknown as { handle(req: RecordedRequest): unknown }
    const handle = backend.handle.bind(backend)
    backend.handle = (req) => {
      this.requests.push({ method: req.method, url: req.url, body: req.body, afterCalls: this.calls.length })
      return handle(req)
    }
  }

  /** The page on top of the stack. */
  get page(): PageHandle {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('No page is open')
    return top
  }

  /** Lets pending work run: promises and timers due within `ms` virtual milliseconds. */
  async settle(ms = 500): Promise<void> {
    await this.timers.advance(ms)
    while (this.inFlight.size) {
      await Promise.allSettled([...this.inFlight])
      await this.timers.advance(ms)
    }
    this.measureTree()
  }

  /** Records the open page's rendered node count and depth against the budgets (see perf.ts). */
  private measureTree(): void {
    const top = this.stack[this.stack.length - 1]
    if (!top) return
    const root = top.root
    recordTree(top.route, walk(root).length - 1, depthOf(root) - 1)
  }

  /** Every route the app declares (main package and subpackages). */
  allRoutes(): string[] {
    return [
      ...this.appJson.pages,
      ...(this.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`)),
    ]
  }

  /** Whether `route` is a tab page. */
  isTab(route: string): boolean {
    return !!this.appJson.tabBar?.list.some((t) => t.pagePath === route)
  }

  /** Opens a page as `wx.navigateTo` would (rejects on a tab page or a full stack). */
  navigateTo(url: string) {
    return this.navigate('navigateTo', url)
  }
  /** Switches to a tab page. */
  switchTab(url: string) {
    return this.navigate('switchTab', url)
  }
  /** Opens a page as the only one on the stack, as a shared link or a QR code does (`wx.reLaunch`). */
  reLaunch(url: string) {
    return this.navigate('reLaunch', url)
  }
  /** Goes back `delta` pages. */
  navigateBack(delta = 1) {
    return this.back(delta)
  }

  private track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p)
    const done = () => {
      this.inFlight.delete(p)
    }
    p.then(done, done)
    return p
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void> {
    const { route, query } = parseUrl(url)
    if (!this.allRoutes().includes(route)) throw new Error(`${kind}:fail page "${route}" is not found`)
    const tab = this.isTab(route)
    if ((kind === 'navigateTo' || kind === 'redirectTo') && tab)
      throw new Error(`${kind}:fail can not ${kind} a tabbar page`)
    if (kind === 'switchTab' && !tab) throw new Error('switchTab:fail can not switch to no-tabBar page')
    if (kind === 'navigateTo' && this.stack.length >= MAX_PAGE_STACK)
      throw new Error('navigateTo:fail webview count limit exceed')
    const top = this.stack[this.stack.length - 1]
    if (kind === 'navigateTo') {
      top?.instance.onHide?.()
    } else if (kind === 'redirectTo') {
      this.stack.pop()
      this.unload(top)
    } else {
      const keepTabs = kind === 'switchTab'
      for (const p of this.stack.splice(0).reverse()) {
        if (keepTabs && this.isTab(p.route)) p.instance.onHide?.()
        else this.unload(p)
      }
      if (!keepTabs) this.tabPages.clear()
      const cached = keepTabs ? this.tabPages.get(route) : undefined
      if (cached) {
        this.stack.push(cached)
        cached.instance.onShow?.()
        await this.timers.advance(500)
        return
      }
    }
    await this.timers.advance(0)
    await this.open(route, query)
  }

  private async back(delta: number): Promise<void> {
    if (this.stack.length <= 1) throw new Error('navigateBack:fail cannot navigate back at first page.')
    const n = Math.min(Math.max(1, delta), this.stack.length - 1)
    for (let i = 0; i < n; i++) this.unload(this.stack.pop())
    this.page.instance.onShow?.()
    await this.timers.advance(500)
  }

  private unload(page: PageHandle | undefined) {
    if (!page) return
    if (this.isTab(page.route) && this.tabPages.get(page.route) === page) this.tabPages.delete(page.route)
    page.instance.onUnload?.()
  }

  private async open(route: string, query: Record<string, string>): Promise<PageHandle> {
    if (!this.configs.has(route)) {
      this.loadingRoute = route
      try {
        this.require(path.join(this.distDir, `${route}.js`))
      } finally {
        this.loadingRoute = undefined
      }
    }
    const config = this.configs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const instance: Instance = {
      ...config,
      data: structuredClone(config.data ?? {}),
      route,
      __route__: route,
      options: query,
    }
    let first = true
    instance.setData = (patch: Record<string, unknown>, cb?: () => void) => {
      const bytes = Buffer.byteLength(JSON.stringify(patch))
      this.setDataLog.push({ route, bytes, first, keys: Object.keys(patch) })
      recordSetData(route, bytes, first ? 'first' : this.interacting === route ? 'interaction' : 'load')
      first = false
      for (const [k, v] of Object.entries(patch)) applyPath(instance.data, k, structuredClone(v))
      if (cb) Promise.resolve().then(cb)
    }
    const page = new PageHandle(this, route, query, instance)
    this.stack.push(page)
    // Cache tab pages now, so a navigation that replaces this page while it loads also un-caches it.
    if (this.isTab(route)) this.tabPages.set(route, page)
    instance.onLoad?.(query)
    await this.timers.advance(500)
    // A page replaced while it loaded (redirectTo from its onLoad, e.g. a message link) is never shown:
    // showing it would make Taro point the current router back at it, under the page that replaced it.
    if (!this.stack.includes(page)) return page
    instance.onShow?.()
    instance.onReady?.()
    await this.timers.advance(500)
    if (this.stack[this.stack.length - 1] === page) this.measureTree()
    return page
  }

  /** CommonJS `require` for the build's files, run inside the sandbox. */
  private require(file: string): unknown {
    const abs = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(abs)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(abs, module)
    const code = fs.readFileSync(abs, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, { filename: abs })
    const localRequire = (p: string) => this.require(path.resolve(path.dirname(abs), p))
    // WeChat's 分包异步化: `require.async(path)` loads another subpackage's module; a rejection carries
    // `{ mod, errMsg }`. Resolved after a tick, as a download would be.
    localRequire.async = (p: string) =>
      new Promise((resolve, reject) => {
        const target = path.resolve(path.dirname(abs), p)
        this.asyncRequires.push(path.relative(this.distDir, target))
        const later = (this.context as unknown as { setTimeout(fn: () => void, ms: number): void }).setTimeout
        later(() => {
          try {
            resolve(this.require(target))
          } catch (e) {
            reject({ mod: p, errMsg: `require.async:fail ${String(e)}` })
          }
        }, this.asyncRequireDelayMs)
      })
    fn(localRequire, module, module.exports)
    return module.exports
  }
}

/** Splits `/pages/x/index?a=1` into `pages/x/index` and `{ a: '1' }` (values as WeChat passes them). */
function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [p, q = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of q.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=')
    query[k] = v
  }
  return { route: p.replace(/^\//, ''), query }
}
