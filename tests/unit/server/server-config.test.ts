import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { configFromEnv } from '@/server/config'
import { demoPiiKeys } from '@/server/pii'

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv
const KEY = Buffer.alloc(32, 7).toString('base64')
const HASH_KEY = Buffer.alloc(48, 9).toString('base64')
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app:secret@127.0.0.1:5432/community',
  PII_KEY: KEY,
  PII_HASH_KEY: HASH_KEY,
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
  REAL_NAME_API_URL: 'https://verify.example.cn/v1/id2',
  REAL_NAME_API_KEY: 'key-0123456789abcdef',
}

/** The message `configFromEnv` throws for `vars` ('' when it accepts them). */
const refusal = (vars: Record<string, string>) => {
  try {
    configFromEnv(env(vars))
    return ''
  } catch (e) {
    return (e as Error).message
  }
}

describe('npm run server configuration', () => {
  it('serves the demo routes (mock time, faults, reset; no login) on PGlite only, unless DEMO says', () => {
    expect(configFromEnv(env({})).demo).toBe(true)
    expect(configFromEnv(env({ DATABASE_URL: 'postgres://u@127.0.0.1/db' })).demo).toBe(false)
    expect(configFromEnv(env({ DATABASE_URL: 'postgres://u@127.0.0.1/db', DEMO: '1' })).demo).toBe(true)
    expect(configFromEnv(env({ DEMO: '0' })).demo).toBe(false)
  })

  it('listens on 127.0.0.1:3001 by default and refuses a port that is not one', () => {
    expect(configFromEnv(env({}))).toMatchObject({ host: '127.0.0.1', port: 3001, mode: 'demo' })
    expect(refusal({ PORT: 'abc' })).toContain('- PORT：')
    expect(refusal({ PORT: '70000' })).toContain('- PORT：')
  })

  it('is demo mode by default: any origin may call, no key needed, logs at info (silent under Jest)', () => {
    expect(configFromEnv(env({}))).toMatchObject({ corsOrigins: '*', logLevel: 'info', shutdownGraceMs: 10_000 })
    expect(configFromEnv(env({ NODE_ENV: 'test' })).logLevel).toBe('silent')
    expect(configFromEnv(env({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).logLevel).toBe('debug')
    // ID numbers at rest under the demo's fixed keys, said so at start.
    expect(configFromEnv(env({})).pii).toEqual(demoPiiKeys())
    expect(configFromEnv(env({})).piiDemoKeys).toBe(true)
    expect(refusal({ PII_KEY: Buffer.alloc(32, 7).toString('base64') })).toContain('- PII_HASH_KEY：')
  })

  it('runs in production with PostgreSQL and both keys: nothing of the demo, no origin unless listed', () => {
    const c = configFromEnv(env(PRODUCTION))
    expect(c).toMatchObject({ mode: 'production', demo: false, corsOrigins: [], logLevel: 'info' })
    expect(c.pii).toEqual({ current: Buffer.alloc(32, 7), hashKey: Buffer.alloc(48, 9), previous: [] })
    expect(c.piiDemoKeys).toBe(false)
    const older = Buffer.alloc(32, 5).toString('base64')
    expect(configFromEnv(env({ ...PRODUCTION, PII_PREVIOUS_KEYS: ` ${older},` })).pii.previous).toEqual([
      Buffer.alloc(32, 5),
    ])
    const listed = configFromEnv(env({ ...PRODUCTION, CORS_ORIGINS: 'https://a.example.cn, https://b.example.cn' }))
    expect(listed.corsOrigins).toEqual(['https://a.example.cn', 'https://b.example.cn'])
  })

  it('refuses production without its secrets or with a demo switch, naming each variable', () => {
    const message = refusal({ NODE_ENV: 'production', DEMO: '1' })
    for (const v of [
      'DEMO',
      'DATABASE_URL',
      'PII_KEY',
      'PII_HASH_KEY',
      'WECHAT_APPID',
      'WECHAT_SECRET',
      'REAL_NAME_API_URL',
      'REAL_NAME_API_KEY',
    ])
      expect(message).toContain(`- ${v}：`)
    expect(refusal({ ...PRODUCTION, DEMO: '0' })).toBe('')
    expect(refusal({ ...PRODUCTION, CORS_ORIGINS: '*' })).toContain('- CORS_ORIGINS：')
  })

  it('refuses malformed keys and URLs without repeating them', () => {
    const short = Buffer.alloc(16, 1).toString('base64')
    const m = refusal({
      ...PRODUCTION,
      PII_KEY: short,
      PII_HASH_KEY: 'not base64!',
      DATABASE_URL: 'mysql://root:pw@db/x',
    })
    for (const v of ['PII_KEY', 'PII_HASH_KEY', 'DATABASE_URL']) expect(m).toContain(`- ${v}：`)
    for (const secret of [short, 'not base64!', 'root:pw']) expect(m).not.toContain(secret)
    expect(refusal({ ...PRODUCTION, PII_HASH_KEY: KEY })).toContain('- PII_HASH_KEY：不能与 PII_KEY 相同')
    expect(refusal({ PII_KEY: short })).toContain('- PII_KEY：')
  })

  it('refuses origins that are not origins', () => {
    expect(refusal({ CORS_ORIGINS: 'https://a.example.cn/path' })).toContain('- CORS_ORIGINS：')
  })

  it('WeChat login: appid and secret from the environment, never the secret in a message', () => {
    expect(configFromEnv(env(PRODUCTION)).wechat).toEqual({
      apiBase: 'https://api.weixin.qq.com',
      appid: 'wx0123456789abcdef',
      secret: '0123456789abcdef0123456789abcdef',
    })
    expect(configFromEnv(env({ ...PRODUCTION, WECHAT_API_BASE: 'http://127.0.0.1:9' })).wechat?.apiBase).toBe(
      'http://127.0.0.1:9',
    )
    expect(configFromEnv(env({})).wechat).toBeUndefined()
    const m = refusal({ ...PRODUCTION, WECHAT_SECRET: 'short!' })
    expect(m).toContain('- WECHAT_SECRET：')
    expect(m).not.toContain('short!')
    expect(refusal({ ...PRODUCTION, WECHAT_APPID: 'nope' })).toContain('- WECHAT_APPID：')
  })
  it('subscribe messages: template ids and the version they open, only beside WeChat login', () => {
    expect(configFromEnv(env(PRODUCTION)).subscribe).toBeUndefined()
    const tmpl = { WECHAT_TMPL_PROGRESS: 'AbC-progress_0123', WECHAT_TMPL_REMINDER: 'AbC-reminder_0123' }
    expect(configFromEnv(env({ ...PRODUCTION, ...tmpl })).subscribe).toEqual({
      templates: { progress: 'AbC-progress_0123', reminder: 'AbC-reminder_0123' },
      miniprogramState: 'formal',
    })
    expect(configFromEnv(env({ ...tmpl, WECHAT_MINIPROGRAM_STATE: 'trial' })).subscribe).toBeUndefined()
    expect(refusal({ ...PRODUCTION, WECHAT_MINIPROGRAM_STATE: 'beta' })).toContain('- WECHAT_MINIPROGRAM_STATE：')
    expect(refusal({ ...PRODUCTION, WECHAT_TMPL_PROGRESS: 'a b' })).toContain('- WECHAT_TMPL_PROGRESS：')
  })

  it('WeChat Pay: optional, all variables or none, keys from files, never a key in a message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-pay-'))
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    })
    fs.writeFileSync(path.join(dir, 'apiclient_key.pem'), privateKey)
    const PAY = {
      WECHATPAY_MCHID: '1900000001',
      WECHATPAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, 'apiclient_key.pem'),
      WECHATPAY_PUBLIC_KEY: publicKey.replace(/\n/g, '\\n'),
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000000012025010100000000000001',
      WECHATPAY_API_V3_KEY: '0123456789abcdefghijklmnopqrstuv',
      WECHATPAY_NOTIFY_URL: 'https://community.example.cn/api/pay/wechat/notify',
    }
    // Optional in production: without it 缴费 answers 503 PAY_NOT_AVAILABLE.
    expect(configFromEnv(env(PRODUCTION)).wechatPay).toBeUndefined()
    const pay = configFromEnv(env({ ...PRODUCTION, ...PAY })).wechatPay!
    expect(pay).toMatchObject({
      apiBase: 'https://api.mch.weixin.qq.com',
      appid: 'wx0123456789abcdef',
      mchid: '1900000001',
    })
    expect(pay.privateKey).toBe(privateKey)
    expect(pay.publicKey).toBe(publicKey)
    const partial = refusal({ ...PRODUCTION, ...PAY, WECHATPAY_API_V3_KEY: '' })
    expect(partial).toContain('- WECHATPAY_API_V3_KEY：微信支付的设置要全部填写')
    const bad = refusal({ ...PRODUCTION, ...PAY, WECHATPAY_API_V3_KEY: 'tooshort-secret' })
    expect(bad).toContain('- WECHATPAY_API_V3_KEY：')
    expect(bad).not.toContain('tooshort-secret')
    expect(refusal({ ...PRODUCTION, ...PAY, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, 'none.pem') })).toContain(
      '- WECHATPAY_PRIVATE_KEY_FILE：读不到这个文件',
    )
    fs.rmSync(dir, { recursive: true })
  })
})
