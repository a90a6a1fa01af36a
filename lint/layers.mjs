// The one-way layers of docs/architecture.md as ESLint rules, so the editor shows a wrong import where it
// is typed (tests/unit/architecture.test.ts checks the same on every `npm test`):
//   pages & subpackages (UI) → ui → stores → api → Taro.request;  backend → domain;  UI and stores may
//   use domain;  api never imports backend;  only the app entry wires the backend (src/mock);
//   domain is pure (no Taro, React, zustand, Node);  no subpackage imports another.
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')

/** Top-level folders of src/ and the folders each may import besides itself. */
const LAYERS = {
  domain: [],
  backend: ['domain'],
  api: ['domain'],
  stores: ['api', 'domain'],
  ui: ['stores', 'domain', 'api'],
  pages: ['ui', 'stores', 'domain', 'api'],
  mock: ['backend'],
}
const FEATURE_MAY_IMPORT = ['ui', 'stores', 'domain', 'api']
const ENTRY = ['src/app.ts', 'src/app.config.ts']
const SUBPACKAGES = fs
  .readdirSync(path.join(ROOT, 'src/packages'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)

const may = (folders) => (folders.length ? `may import only ${folders.join(', ')}` : 'imports nothing else in src')

/** Zones of `import-x/no-restricted-paths`: files under `target` must not import from `from`. */
export const layerZones = [
  ...Object.entries(LAYERS).map(([layer, allowed]) => ({
    target: `src/${layer}`,
    from: 'src',
    except: [layer, ...allowed].map((l) => `./${l}`),
    message: `src/${layer} ${may(allowed)} (docs/architecture.md).`,
  })),
  ...SUBPACKAGES.map((name) => ({
    target: `src/packages/${name}`,
    from: 'src',
    except: [`./packages/${name}`, ...FEATURE_MAY_IMPORT.map((l) => `./${l}`)],
    message: `A subpackage ${may(FEATURE_MAY_IMPORT)}: never another subpackage, never the backend.`,
  })),
  // The app entry wires the mocked backend through src/mock and registers the pages of the route table.
  { target: ENTRY, from: 'src/backend', message: 'The app entry reaches the backend only through src/mock.' },
  { target: ENTRY, from: 'src/pages', message: 'The app entry names pages by path, never imports them.' },
  {
    target: ENTRY,
    from: 'src/packages',
    message: 'The app entry names pages by the route table (src/domain/routes.ts), never imports them.',
  },
]

const pkgs = (names, why) => ({ group: names, message: why })
const TARO_REACT = ['@tarojs/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*']
const NODE = ['node:*']

/** `no-restricted-imports` per layer: packages a layer must not use. */
export const layerPackages = [
  {
    files: ['src/domain/**'],
    patterns: [pkgs([...TARO_REACT, ...NODE], 'src/domain is pure: no Taro, React, zustand or Node modules.')],
  },
  {
    files: ['src/backend/**'],
    patterns: [
      pkgs(TARO_REACT, 'The backend runs on Node and in the app: no Taro, React or zustand.'),
      pkgs(NODE, 'The backend also runs in the app bundle: no Node modules (those belong in src/server).'),
    ],
  },
  {
    files: ['src/api/**'],
    patterns: [
      pkgs(
        ['react', 'react/*', 'react-dom', 'zustand', 'zustand/*'],
        'src/api is plain requests: no React or zustand.',
      ),
    ],
  },
  {
    files: ['src/*.ts', 'src/stores/**', 'src/ui/**', 'src/pages/**', 'src/packages/**', 'src/mock/**'],
    patterns: [pkgs(NODE, 'Node modules do not exist in WeChat or the browser.')],
  },
].map(({ files, ignores, patterns }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}))
