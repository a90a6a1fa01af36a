/**
 * WeChat's limits on texts the app passes to its APIs, checked over the source: `showModal` button texts
 * (`confirmText`, `cancelText`) of at most 4 characters — longer ones make the dialog fail to open, in
 * WeChat and in Taro's H5 modal alike. The WeChat harness enforces the same limit at run time.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : []
  })

describe('WeChat text limits', () => {
  it('every showModal button text in src is at most 4 characters', () => {
    const found: string[] = []
    const tooLong: string[] = []
    for (const file of files(join(__dirname, '../../src'))) {
      const source = readFileSync(file, 'utf8')
      for (const m of source.matchAll(/(confirmText|cancelText):\s*([^,}\n]+)/g)) {
        for (const [, text] of m[2].matchAll(/'([^']*)'/g)) {
          found.push(text)
          if ([...text].length > 4) tooLong.push(`${file.slice(file.indexOf('src/'))}: ${m[1]} '${text}'`)
        }
      }
    }
    expect(found.length).toBeGreaterThan(20)
    expect(tooLong).toEqual([])
  })
})
