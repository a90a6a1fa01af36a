/**
 * The server's configuration: every environment variable it reads, read and checked once at start
 * (`configFromEnv`), then passed down as one typed object. `.env.example` lists them with a comment each.
 *
 * Two modes. Demo (the default of `npm run server`): persona login, mock time, faults and the dev routes
 * exist, PGlite is enough and no secret is needed. Production (`NODE_ENV=production`): none of the demo
 * exists, and the server refuses to start while a demo switch is set or a required secret is missing or
 * malformed, naming each variable.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import type { RateLimits } from '../backend/core/rate-limits'
import { demoPiiKeys, type PiiKeys } from './pii'
import type { RealNameConfig } from './real-name'
import type { WechatConfig } from './wechat'
import type { TemplateKey } from '@/domain/shared/subscriptions'
import type { WechatPayConfig } from './wechat-pay'

/** Log levels of Fastify's logger (pino); `silent` writes nothing. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface ServerConfig {
  /** `production` when `NODE_ENV=production`, else `demo`. */
  mode: 'demo' | 'production'
  /** TCP port (`PORT`, default 3001; 0 takes a free one). */
  port: number
  /** Address to listen on (`HOST`, default 127.0.0.1: a reverse proxy in front). */
  host: string
  /** `DATABASE_URL` (postgres://…): PostgreSQL; absent: embedded PGlite in `dataDir/pg` (demo only). */
  databaseUrl?: string
  /**
   * Whether the demo's `/api/dev/…` routes (mock time, faults, reset the data) are served. They need no
   * login, so they are on only for the demo: by default on PGlite, off on PostgreSQL; `DEMO=1` / `DEMO=0`
   * decides explicitly. Always false in production.
   */
  demo: boolean
  /** Absolute folder of PGlite's data (`pg/`) and the photos (`blobs/`) (`DATA_DIR`, default `.data`). */
  dataDir: string
  /** `LOG_LEVEL`; default `info`, and `silent` under Jest (`NODE_ENV=test`). */
  logLevel: LogLevel
  /**
   * Origins a browser may call from (`CORS_ORIGINS`, comma-separated): `'*'` for any (the demo's default,
   * so the H5 dev build works), or a list (production's default: none; the WeChat app needs no CORS).
   */
  corsOrigins: '*' | string[]
  /** How long SIGTERM waits for requests in flight before cutting them off (ms; `SHUTDOWN_GRACE_MS`, 10 s). */
  shutdownGraceMs: number
  /**
   * The keys of ID numbers at rest (`pii.ts`): `PII_KEY` (AES-256-GCM, base64 of 32 bytes), `PII_HASH_KEY`
   * (the keyed lookup hash, base64, ≥ 32 bytes) and `PII_PREVIOUS_KEYS` (comma-separated older `PII_KEY`s,
   * kept to open values sealed before a rotation). Required in production; in demo mode without them,
   * the demo's fixed keys (`demoPiiKeys`, not secret) and `piiDemoKeys` is true.
   */
  pii: PiiKeys
  /** Whether `pii` holds the demo's fixed keys (the server says so at start). */
  piiDemoKeys: boolean
  /**
   * WeChat login (`WECHAT_API_BASE`, default https://api.weixin.qq.com; `WECHAT_APPID`, `WECHAT_SECRET`, `REAL_NAME_API_URL`, `REAL_NAME_API_KEY`):
   * required in production; in demo mode absent unless both are set (then WeChat login answers 503).
   */
  wechat?: WechatConfig
  /**
   * The 实名核验 service (`REAL_NAME_API_URL`, `REAL_NAME_API_KEY`; `real-name.ts`): required in
   * production; in demo mode absent unless both are set (then the population register decides).
   */
  realName?: RealNameConfig
  /**
   * WeChat subscribe messages (`WECHAT_TMPL_PROGRESS`, `WECHAT_TMPL_REMINDER`: template ids from the
   * WeChat admin, the same as the app's `TARO_APP_TMPL_*`; `WECHAT_MINIPROGRAM_STATE`, default
   * 'formal'): present when WeChat login is configured and at least one template id is set; without it
   * the outbox marks its rows sent without sending.
   */
  subscribe?: { templates: Partial<Record<TemplateKey, string>>; miniprogramState: 'formal' | 'trial' | 'developer' }
  /**
   * WeChat Pay for course fees (`WECHATPAY_MCHID`, `WECHATPAY_SERIAL`, `WECHATPAY_PRIVATE_KEY(_FILE)`,
   * `WECHATPAY_PUBLIC_KEY(_FILE)`, `WECHATPAY_PUBLIC_KEY_ID`, `WECHATPAY_API_V3_KEY`, `WECHATPAY_NOTIFY_URL`,
   * `WECHATPAY_API_BASE`; the AppID is `WECHAT_APPID`): all or none. Optional: without it production
   * answers 缴费 with 503 `PAY_NOT_AVAILABLE`, and demo mode pays with the mock.
   */
  wechatPay?: WechatPayConfig
  /** Rate limits per user and per IP (not from the environment; default `DEFAULT_RATE_LIMITS`; tests lower them). */
  rateLimits?: RateLimits
}

/** One variable's problem, in plain words. */
interface ConfigProblem {
  variable: string
  message: string
}

/** The environment is not usable: every problem found, each naming its variable. */
class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `服务没有启动：环境变量有问题（见 .env.example）\n${problems.map((p) => `- ${p.variable}：${p.message}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}

/** Variables whose value is never repeated in a message (keys, passwords in the URL). */
const SECRETS = new Set([
  'DATABASE_URL',
  'PII_KEY',
  'PII_HASH_KEY',
  'PII_PREVIOUS_KEYS',
  'WECHAT_SECRET',
  'REAL_NAME_API_KEY',
  'WECHATPAY_PRIVATE_KEY',
  'WECHATPAY_API_V3_KEY',
])
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i

/** A base64 key of at least (`exact`: exactly) `bytes` bytes, as a Buffer. */
const base64Key = (bytes: number, exact: boolean) =>
  v.pipe(
    v.string(),
    v.regex(BASE64, '应为 base64 编码的密钥'),
    v.transform((s) => Buffer.from(s, 'base64')),
    v.check(
      (b) => (exact ? b.length === bytes : b.length >= bytes),
      `应为 ${exact ? '' : '至少 '}${bytes} 字节的随机密钥（base64），如 openssl rand -base64 ${bytes} 的输出`,
    ),
  )

/** A comma-separated value as a list: items trimmed, empty ones dropped. */
const commaList = v.transform((s: string) =>
  s
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)

/** The format of each variable (presence rules of production come after). Empty strings count as unset. */
const ENV = v.object({
  NODE_ENV: v.optional(v.string()),
  PORT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,5}$/, '应为 0–65535 的端口号'),
      v.transform(Number),
      v.maxValue(65535, '应为 0–65535 的端口号'),
    ),
    '3001',
  ),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '127.0.0.1'),
  DATABASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^postgres(ql)?:\/\/\S+$/, '应为 PostgreSQL 地址，如 postgres://用户:密码@主机:5432/库名'),
    ),
  ),
  DEMO: v.optional(v.picklist(['0', '1'], '应为 1（开启演示功能）或 0（关闭）')),
  DATA_DIR: v.optional(v.string(), '.data'),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `应为 ${LOG_LEVELS.join(' / ')} 之一`)),
  CORS_ORIGINS: v.optional(
    v.pipe(
      v.string(),
      commaList,
      v.check(
        (list) => list.every((o) => o === '*' || ORIGIN.test(o)),
        '应为逗号分隔的来源，如 https://example.cn,https://m.example.cn（不带路径），或 *',
      ),
    ),
  ),
  SHUTDOWN_GRACE_MS: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,6}$/, '应为 0–600000 的毫秒数'), v.transform(Number), v.maxValue(600_000)),
    '10000',
  ),
  PII_KEY: v.optional(base64Key(32, true)),
  PII_HASH_KEY: v.optional(base64Key(32, false)),
  PII_PREVIOUS_KEYS: v.optional(v.pipe(v.string(), commaList, v.array(base64Key(32, true)))),
  WECHAT_API_BASE: v.optional(
    v.pipe(v.string(), v.regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, '应为网址，如 https://api.weixin.qq.com')),
    'https://api.weixin.qq.com',
  ),
  WECHAT_APPID: v.optional(v.pipe(v.string(), v.regex(/^wx[0-9a-f]{16}$/, '应为小程序 AppID，如 wx 开头的 18 位'))),
  WECHAT_SECRET: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-zA-Z]{16,64}$/, '应为小程序 AppSecret'))),
  WECHAT_TMPL_PROGRESS: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, '应为订阅消息模板 ID'))),
  WECHAT_TMPL_REMINDER: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, '应为订阅消息模板 ID'))),
  WECHAT_MINIPROGRAM_STATE: v.optional(
    v.picklist(['formal', 'trial', 'developer'], '应为 formal、trial 或 developer'),
    'formal',
  ),
  REAL_NAME_API_URL: v.optional(
    v.pipe(v.string(), v.regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, '应为实名核验服务的网址，如 https://…/verify')),
  ),
  REAL_NAME_API_KEY: v.optional(v.pipe(v.string(), v.minLength(16, '应为实名核验服务的密钥（至少 16 个字符）'))),
  WECHATPAY_MCHID: v.optional(v.pipe(v.string(), v.regex(/^\d{8,12}$/, '应为微信支付商户号（数字）'))),
  WECHATPAY_SERIAL: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-Fa-f]{8,64}$/, '应为商户 API 证书序列号'))),
  WECHATPAY_PRIVATE_KEY: v.optional(v.pipe(v.string(), v.includes('PRIVATE KEY', '应为商户 API 私钥（PEM）'))),
  WECHATPAY_PRIVATE_KEY_FILE: v.optional(v.string()),
  WECHATPAY_PUBLIC_KEY: v.optional(v.pipe(v.string(), v.includes('PUBLIC KEY', '应为微信支付公钥（PEM）'))),
  WECHATPAY_PUBLIC_KEY_FILE: v.optional(v.string()),
  WECHATPAY_PUBLIC_KEY_ID: v.optional(
    v.pipe(v.string(), v.regex(/^PUB_KEY_ID_\w+$/, '应为微信支付公钥 ID，如 PUB_KEY_ID_0112…')),
  ),
  WECHATPAY_API_V3_KEY: v.optional(v.pipe(v.string(), v.length(32, '应为 32 个字符的 APIv3 密钥'))),
  WECHATPAY_NOTIFY_URL: v.optional(
    v.pipe(v.string(), v.regex(/^https:\/\/[^\s/]+\/\S*$/, '应为 https 网址，如 https://…/api/pay/wechat/notify')),
  ),
  WECHATPAY_API_BASE: v.optional(
    v.pipe(v.string(), v.regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, '应为网址，如 https://api.mch.weixin.qq.com')),
    'https://api.mch.weixin.qq.com',
  ),
})

/** The WeChat Pay variables that must come together (one set, the rest missing, is a mistake). */
const WECHATPAY_VARS = [
  'WECHATPAY_MCHID',
  'WECHATPAY_SERIAL',
  'WECHATPAY_PRIVATE_KEY',
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_API_V3_KEY',
  'WECHATPAY_NOTIFY_URL',
] as const

/**
 * The configuration from the environment (see `.env.example`), checked once.
 * @throws ConfigError naming every variable that is malformed, and in production every demo switch set
 *   (`DEMO=1`) and every required secret missing (`DATABASE_URL`, `PII_KEY`, `PII_HASH_KEY`,
 *   `WECHAT_APPID`, `WECHAT_SECRET`, `REAL_NAME_API_URL`, `REAL_NAME_API_KEY`)
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, x]) => x !== undefined && x !== ''))
  const fileProblems: ConfigProblem[] = []
  for (const name of ['WECHATPAY_PRIVATE_KEY', 'WECHATPAY_PUBLIC_KEY'] as const) {
    const file = set[`${name}_FILE`]
    if (!file || set[name]) continue
    try {
      set[name] = fs.readFileSync(file, 'utf8')
    } catch {
      fileProblems.push({ variable: `${name}_FILE`, message: `读不到这个文件，现在是 ${JSON.stringify(file)}` })
    }
  }
  const parsed = v.safeParse(ENV, set)
  const problems: ConfigProblem[] = parsed.success
    ? []
    : parsed.issues.map((i) => {
        const variable = v.getDotPath(i) ?? '?'
        const shown = SECRETS.has(variable) ? '' : `，现在是 ${JSON.stringify(env[variable])}`
        return { variable, message: i.message + shown }
      })
  problems.push(...fileProblems)
  const payVars = WECHATPAY_VARS.filter((name) => set[name])
  if (payVars.length && payVars.length < WECHATPAY_VARS.length) {
    for (const name of WECHATPAY_VARS)
      if (!set[name])
        problems.push({ variable: name, message: '微信支付的设置要全部填写（或全部不填，不开通在线缴费）' })
  }
  if (payVars.length && !set.WECHAT_APPID)
    problems.push({ variable: 'WECHAT_APPID', message: '开通微信支付需要小程序 AppID' })
  const production = set.NODE_ENV === 'production'
  if (production) {
    const missing = (variable: string, message: string) => {
      if (!set[variable]) problems.push({ variable, message })
    }
    if (set.DEMO === '1') problems.push({ variable: 'DEMO', message: '生产模式不能开启演示功能，请删除 DEMO 或设为 0' })
    missing('DATABASE_URL', '生产模式必须使用 PostgreSQL，请设置 postgres://… 地址')
    missing('PII_KEY', '生产模式必须设置身份证号加密密钥（32 字节，base64）')
    missing('PII_HASH_KEY', '生产模式必须设置身份证号查询哈希密钥（至少 32 字节，base64）')
    missing('WECHAT_APPID', '生产模式必须设置小程序 AppID（微信登录）')
    missing('WECHAT_SECRET', '生产模式必须设置小程序 AppSecret（微信登录）')
    missing('REAL_NAME_API_URL', '生产模式必须设置实名核验服务的网址')
    missing('REAL_NAME_API_KEY', '生产模式必须设置实名核验服务的密钥')
    if (set.CORS_ORIGINS?.split(',').some((o) => o.trim() === '*'))
      problems.push({ variable: 'CORS_ORIGINS', message: '生产模式不能允许任意来源（*），请列出具体来源' })
  }
  if (!production && !!set.PII_KEY !== !!set.PII_HASH_KEY)
    problems.push({
      variable: set.PII_KEY ? 'PII_HASH_KEY' : 'PII_KEY',
      message: 'PII_KEY 和 PII_HASH_KEY 要一起设置（或都不设置，只用于演示）',
    })
  if (set.PII_KEY && set.PII_KEY === set.PII_HASH_KEY)
    problems.push({ variable: 'PII_HASH_KEY', message: '不能与 PII_KEY 相同，请另外生成一个' })
  if (problems.length || !parsed.success) throw new ConfigError(problems)
  const e = parsed.output
  return {
    mode: production ? 'production' : 'demo',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    demo: !production && (e.DEMO ? e.DEMO === '1' : !e.DATABASE_URL),
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    corsOrigins: e.CORS_ORIGINS ? (e.CORS_ORIGINS.includes('*') ? '*' : e.CORS_ORIGINS) : production ? [] : '*',
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    pii:
      e.PII_KEY && e.PII_HASH_KEY
        ? { current: e.PII_KEY, hashKey: e.PII_HASH_KEY, previous: e.PII_PREVIOUS_KEYS ?? [] }
        : demoPiiKeys(),
    piiDemoKeys: !(e.PII_KEY && e.PII_HASH_KEY),
    wechat:
      e.WECHAT_APPID && e.WECHAT_SECRET
        ? { apiBase: e.WECHAT_API_BASE, appid: e.WECHAT_APPID, secret: e.WECHAT_SECRET }
        : undefined,
    subscribe:
      e.WECHAT_APPID && e.WECHAT_SECRET && (e.WECHAT_TMPL_PROGRESS || e.WECHAT_TMPL_REMINDER)
        ? {
            templates: { progress: e.WECHAT_TMPL_PROGRESS, reminder: e.WECHAT_TMPL_REMINDER },
            miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
          }
        : undefined,
    realName:
      e.REAL_NAME_API_URL && e.REAL_NAME_API_KEY
        ? { url: e.REAL_NAME_API_URL, apiKey: e.REAL_NAME_API_KEY }
        : undefined,
    wechatPay:
      e.WECHAT_APPID &&
      e.WECHATPAY_MCHID &&
      e.WECHATPAY_SERIAL &&
      e.WECHATPAY_PRIVATE_KEY &&
      e.WECHATPAY_PUBLIC_KEY &&
      e.WECHATPAY_PUBLIC_KEY_ID &&
      e.WECHATPAY_API_V3_KEY &&
      e.WECHATPAY_NOTIFY_URL
        ? {
            apiBase: e.WECHATPAY_API_BASE,
            appid: e.WECHAT_APPID,
            mchid: e.WECHATPAY_MCHID,
            serial: e.WECHATPAY_SERIAL,
            // A PEM in one line of an env file has its line breaks written as \n.
            privateKey: e.WECHATPAY_PRIVATE_KEY.replace(/\\n/g, '\n'),
            publicKey: e.WECHATPAY_PUBLIC_KEY.replace(/\\n/g, '\n'),
            publicKeyId: e.WECHATPAY_PUBLIC_KEY_ID,
            apiV3Key: e.WECHATPAY_API_V3_KEY,
            notifyUrl: e.WECHATPAY_NOTIFY_URL,
          }
        : undefined,
  }
}
