/**
 * The import rules of docs/architecture.md, checked on every source file:
 * UI → stores → api → Taro.request; backend → domain; UI and stores may use domain; api never imports
 * backend; only the app entry (via src/mock) wires the backend; domain is pure; no subpackage imports another.
 */
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '../../src')
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [path.join(dir, e.name)] : [],
    )

/** Layer of a file or resolved import under src/. */
function layer(abs: string): string {
  const rel = path.relative(SRC, abs).split(path.sep)
  if (rel[0] === 'packages') return `packages/${rel[1]}`
  if (rel.length === 1 && !(fs.existsSync(abs) && fs.statSync(abs).isDirectory())) return 'entry'
  return rel[0]
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  return [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3])
}

function resolveLocal(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return path.join(SRC, spec.slice(2))
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec)
  return null
}

/** The source file an import names under src/, or null (a package, a style sheet). */
function resolveFile(file: string, spec: string): string | null {
  const local = resolveLocal(file, spec)
  if (!local) return null
  const candidates = [local, `${local}.ts`, `${local}.tsx`, path.join(local, 'index.ts'), path.join(local, 'index.tsx')]
  return candidates.find((c) => /\.tsx?$/.test(c) && fs.existsSync(c) && fs.statSync(c).isFile()) ?? null
}

/** Layers each layer may import (besides itself), and packages it must not import. */
const ALLOWED: Record<string, { layers: string[]; forbidPkgs: RegExp }> = {
  domain: { layers: [], forbidPkgs: /^(@tarojs|react|zustand|node:)/ },
  backend: { layers: ['domain'], forbidPkgs: /^(@tarojs|react|zustand)/ },
  api: { layers: ['domain'], forbidPkgs: /^(react|zustand)/ },
  stores: { layers: ['api', 'domain'], forbidPkgs: /^node:/ },
  ui: { layers: ['stores', 'domain', 'api'], forbidPkgs: /^node:/ },
  pages: { layers: ['ui', 'stores', 'domain', 'api'], forbidPkgs: /^node:/ },
  mock: { layers: ['backend'], forbidPkgs: /^node:/ },
  // The shared server (Node only): the backend over SQL and HTTP; never in an app bundle.
  server: { layers: ['backend', 'domain'], forbidPkgs: /^(@tarojs|react|zustand)/ },
  entry: { layers: ['mock', 'stores', 'ui', 'domain', 'api'], forbidPkgs: /^node:/ },
}

describe('architecture: one-way imports', () => {
  const all = files(SRC).filter((f) => !f.endsWith('.d.ts'))
  it('finds the source files', () => expect(all.length).toBeGreaterThan(20))

  it.each(all.map((f) => [path.relative(SRC, f), f]))('%s imports only what its layer may', (_rel, file) => {
    const from = layer(file)
    const rule = from.startsWith('packages/')
      ? { layers: ['ui', 'stores', 'domain', 'api'], forbidPkgs: /^node:/ }
      : ALLOWED[from]
    expect(rule).toBeDefined()
    const bad: string[] = []
    for (const spec of imports(file)) {
      const local = resolveLocal(file, spec)
      if (!local) {
        // node: modules are allowed only in the file-storage adapter (Node mock server), never in the app bundle.
        const nodeOk =
          spec.startsWith('node:') &&
          (file.endsWith(path.join('backend', 'storage', 'file.ts')) || layer(file) === 'server')
        if (rule.forbidPkgs.test(spec) && !nodeOk) bad.push(spec)
        continue
      }
      const to = layer(local)
      if (to === from) continue
      if (from.startsWith('packages/') && to.startsWith('packages/')) {
        bad.push(`${spec} (another subpackage)`)
        continue
      }
      if (!rule.layers.includes(to)) bad.push(`${spec} (${from} → ${to})`)
    }
    expect(bad).toEqual([])
  })

  // ESLint's import-x/no-cycle skips type-only imports; a type cycle still ties two modules together.
  it('has no import cycles, type-only imports included', () => {
    const graph = new Map(all.map((f) => [f, imports(f).flatMap((s) => resolveFile(f, s) ?? [])]))
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const cycles: string[] = []
    const visit = (file: string) => {
      state.set(file, 'open')
      stack.push(file)
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') {
          cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(SRC, f)).join(' → '))
        } else if (!state.has(next)) visit(next)
      }
      stack.pop()
      state.set(file, 'done')
    }
    for (const file of all) if (!state.has(file)) visit(file)
    expect(cycles).toEqual([])
  })

  // docs/conventions.md "Routes": one navigation module, one route table.
  it('moves between pages only in src/ui/nav.ts', () => {
    // `Taro.navigateTo(…)`, `wx.navigateTo(…)`, or the name imported from Taro.
    const MOVES =
      /\b(?:Taro|wx)\s*\.\s*(?:navigateTo|redirectTo|switchTab|reLaunch|navigateBack)\b|import\s*\{[^}]*\b(?:navigateTo|redirectTo|switchTab|reLaunch|navigateBack)\b[^}]*\}\s*from\s*'@tarojs\/taro'/g
    const nav = path.join(SRC, 'ui', 'nav.ts')
    const calls = all
      .filter((f) => f !== nav)
      .flatMap((f) =>
        [...fs.readFileSync(f, 'utf8').matchAll(MOVES)].map(
          (m) => `${path.relative(SRC, f)}: ${m[0].replace(/\s+/g, ' ')}`,
        ),
      )
    expect(calls).toEqual([])
  })

  it('spells page URLs only in the route table (src/domain/**/routes.ts)', () => {
    const url = /['"`]\/?(?:packages\/[a-z-]+\/)?pages\/[a-z-]+\/index/
    const spelled = all
      .filter((f) => !/domain[\\/](?:[a-z-]+[\\/])?routes\.ts$/.test(f))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && url.test(line))
          .map((line) => `${path.relative(SRC, f)}: ${line.trim()}`),
      )
    expect(spelled).toEqual([])
  })

  it('only the app entry imports the mock wiring', () => {
    const importers = all.filter((f) => imports(f).some((s) => /(^|\/)mock\/install/.test(s)))
    expect(importers.map((f) => path.relative(SRC, f))).toEqual(['app.ts'])
  })
})
