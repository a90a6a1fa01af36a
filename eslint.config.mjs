// ESLint (flat config): `npm run lint`, `npm run lint -- --fix`. Formatting is Prettier's (`npm run format`),
// so no stylistic rules here. Why typescript-eslint + react + react-hooks rather than eslint-config-taro:
// see docs/conventions.md.
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { layerPackages, layerZones } from './lint/layers.mjs'
import preferAlias from './lint/prefer-alias.mjs'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      '.swc/**',
      'tests/.artifacts/**',
      'test-results/**',
      'node_modules/**',
      // The old file server, a minified esbuild bundle (bench/file-server/build.sh).
      'bench/file-server/server.cjs',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, local: { rules: { 'prefer-alias': preferAlias } } },
    settings: {
      // The TypeScript extensions and parser let import-x read .ts/.tsx modules (no-cycle follows them).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // Unused names: tsc (noUnusedLocals, noUnusedParameters) already fails on them; `_x` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Imports: `@/…` for anything more than one folder up, one import per module, type-only imports marked.
      'local/prefer-alias': ['error', { allowSameFolder: true, allowedDepth: 1, rootDir: 'src', prefix: '@' }],
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      // Prettier keeps code within 120 columns but never wraps comments or strings: comments are checked
      // here, long strings (Chinese messages, test names) stay whole.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { ...react.configs.flat.recommended.languageOptions },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      // Props are typed with TypeScript.
      'react/prop-types': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Hooks live in .ts files too (useLoader, useSubmission, useDraft…).
    files: ['src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The layers of docs/architecture.md, and no import cycles in the app.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
    },
  },
  ...layerPackages,
  {
    // Every move between pages goes through src/ui/nav.ts with an href of the route table
    // (tests/unit/architecture.test.ts checks the same, destructured calls included).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ui/nav.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'].map((property) => ({
          object: 'Taro',
          property,
          message: 'Navigate with openPage / replacePage / restartAt / goBack / goHome of @/ui/nav and an href.',
        })),
      ],
    },
  },
  {
    // Tests read JSON answers and injected browser globals (`__mcMockBackend`), which have no static type:
    // there `any` says so honestly. App code keeps the rule.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS: the config files read by Jest and Babel, and any .cjs script.
    files: ['*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
