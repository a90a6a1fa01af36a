import { configFromEnv } from '@/server/main'

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv

describe('npm run server configuration', () => {
  it('serves the demo routes (mock time, faults, reset; no login) on PGlite only, unless DEMO says', () => {
    expect(configFromEnv(env({})).demo).toBe(true)
    expect(configFromEnv(env({ DATABASE_URL: 'postgres://u@127.0.0.1/db' })).demo).toBe(false)
    expect(configFromEnv(env({ DATABASE_URL: 'postgres://u@127.0.0.1/db', DEMO: '1' })).demo).toBe(true)
    expect(configFromEnv(env({ DEMO: '0' })).demo).toBe(false)
  })

  it('listens on 127.0.0.1:3001 by default and refuses a port that is not one', () => {
    expect(configFromEnv(env({}))).toMatchObject({ host: '127.0.0.1', port: 3001 })
    expect(() => configFromEnv(env({ PORT: 'abc' }))).toThrow('PORT must be a port number')
  })
})
