// Offline compile check of dist/weapp with miniprogram-ci: WXML/WXSS minify on so markup errors surface,
// then its code-quality check (package sizes). No network: the project's attr() is answered locally.
import path from 'node:path'
import os from 'node:os'
import fs from 'node:fs'
import ci from 'miniprogram-ci'

const root = path.resolve(import.meta.dirname, '../..')
const projectPath = path.join(root, process.argv[2] || 'dist/weapp')

export async function compileCheck() {
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKey: 'local-check',
    ignores: ['node_modules/**/*'],
  })
  // The real attr() asks WeChat's servers about the appid; answer it locally.
  project.attr = async () => ({
    platform: false,
    appType: 0,
    isSandbox: false,
    released: false,
    setting: { MaxCodeSize: 2, MaxSubpackageSubCodeSize: 2, MaxSubpackageFullCodeSize: 20 },
  })
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-compiled-'))
  const files = await ci.getCompiledResult(
    {
      project,
      desc: 'local compile check',
      setting: { es6: true, es7: true, minifyJS: false, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true },
      onProgressUpdate: () => {},
    },
    path.join(out, 'compiled.zip'),
  )
  const quality = await ci.checkCodeQuality(project)
  return { files: Object.keys(files ?? {}).length, quality }
}

try {
  const { files, quality } = await compileCheck()
  console.log(`miniprogram-ci: compiled ${files} files from ${path.relative(root, projectPath)}`)
  // Size checks gate; the others (JS minify flag, lazy loading) are advice and printed only.
  const gating = new Set(['PACKAGE_SIZE_LIMIT', 'IMAGE_AND_AUDIO_LIMIT'])
  let failed = false
  for (const item of quality) {
    const ok = item.success !== false
    console.log(
      `  ${ok ? 'ok  ' : gating.has(item.name) ? 'FAIL' : 'note'} ${item.name}: ${item.text}${item.name === 'PACKAGE_SIZE_LIMIT' ? ` ${JSON.stringify(item.detail)}` : ''}`,
    )
    if (!ok && gating.has(item.name)) failed = true
  }
  if (failed) {
    console.error('miniprogram-ci code-quality: a size check failed')
    process.exit(1)
  }
  process.exit(0) // miniprogram-ci leaves a file watcher open
} catch (e) {
  console.error('miniprogram-ci compile check failed:', e?.message ?? e)
  process.exit(1)
}
