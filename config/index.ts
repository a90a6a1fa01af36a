import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build configuration shared by the WeChat (`dist/weapp`) and H5 (`dist/h5`) targets.
 *
 * Environment switches:
 * - `TARO_APP_API_BASE`: when set, the app talks HTTP to that server and the mocked backend is left out.
 * - `TARO_APP_TEST=1`: the H5 test build (page animations off).
 * - `TARO_APP_WECHAT_SI=1`: 朗读 on WeChat through the WechatSI plugin (it must be added to the appid first).
 * - `TARO_APP_TMPL_PROGRESS`, `TARO_APP_TMPL_REMINDER`: WeChat subscribe-message template ids (`src/ui/subscribe.ts`).
 * - `OUTPUT_ROOT`: overrides the output folder (used by the benchmark for alternate builds).
 * - `HELLO_WORLD=1`: builds the bare baseline app in bench/hello-world instead (`npm run bench`).
 * - `SOURCE_MAPS=1`: emit source maps (`npm run deps` uses them to attribute bytes to modules).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'modern-community',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: process.env.HELLO_WORLD === '1' ? 'bench/hello-world' : 'src',
    outputRoot: process.env.OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    // Compile-time switches (Taro only reads TARO_APP_* from .env files, so pass them explicitly).
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || ''),
      TARO_APP_TEST: JSON.stringify(process.env.TARO_APP_TEST || ''),
      TARO_APP_WECHAT_SI: JSON.stringify(process.env.TARO_APP_WECHAT_SI || ''),
      TARO_APP_TMPL_PROGRESS: JSON.stringify(process.env.TARO_APP_TMPL_PROGRESS || ''),
      TARO_APP_TMPL_REMINDER: JSON.stringify(process.env.TARO_APP_TMPL_REMINDER || ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    // Taro's default WeChat minifier output is ASCII-only, which spells every Chinese character as a
    // six-byte \uXXXX escape (three bytes in UTF-8) and leaves most of terser's compression off.
    // WeChat reads UTF-8 sources; terser still escapes U+2028/U+2029. Measured by `npm run deps`.
    terser: {
      enable: true,
      config: {
        compress: {
          reduce_vars: true,
          collapse_vars: true,
          inline: true,
          reduce_funcs: true,
          hoist_props: true,
          passes: 2,
        },
        output: { ascii_only: false },
      },
    },
    // Taro renders nesting deeper than `baseLevel` through a recursive custom component; below it,
    // base.wxml holds one template per level. Our deepest page is 10 levels (npm run bench), so 12
    // levels keep every page on the fast path and cut base.wxml by a quarter (default 16).
    baseLevel: 12,
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      ...(process.env.SOURCE_MAPS === '1' ? { enableSourceMap: true, sourceMapType: 'source-map' } : {}),
      // Mock mode: the embedded backend is the entry of its own subpackage (packages/demo-backend, declared
      // in app.config.ts), loaded at launch with WeChat's require.async; Taro 4.2 has no option for this.
      // Taro's MiniPlugin replaces webpack's entries with the app's pages, so the entry is added by webpack's
      // own EntryPlugin at compile time.
      webpackChain(chain, webpack) {
        if (process.env.TARO_APP_API_BASE || process.env.HELLO_WORLD === '1') return
        const root = path.resolve(__dirname, '..')
        chain
          .plugin('demo-backend-entry')
          .use(webpack.EntryPlugin, [
            root,
            path.join(root, 'src/mock/embedded.ts'),
            { name: 'packages/demo-backend/index' },
          ])
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      devServer: { host: '127.0.0.1', port: 10086, open: false },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
