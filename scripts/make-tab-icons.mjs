// Draws the tab-bar icons (81×81 PNG, as WeChat asks) from inline SVG with headless Chromium.
// Run once: node scripts/make-tab-icons.mjs → src/assets/tab/*.png
import { chromium } from 'playwright-core'
import path from 'node:path'

const out = path.resolve(import.meta.dirname, '../src/assets/tab')
const shapes = {
  home: '<path d="M12 40 L40 14 L68 40 M20 34 V66 H34 V48 H46 V66 H60 V34" fill="none" stroke="C" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>',
  messages:
    '<rect x="12" y="18" width="56" height="40" rx="6" fill="none" stroke="C" stroke-width="6"/><path d="M14 22 L40 42 L66 22" fill="none" stroke="C" stroke-width="6" stroke-linejoin="round"/>',
  me: '<circle cx="40" cy="28" r="13" fill="none" stroke="C" stroke-width="6"/><path d="M14 68 C16 52 28 46 40 46 C52 46 64 52 66 68" fill="none" stroke="C" stroke-width="6" stroke-linecap="round"/>',
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
for (const [name, svg] of Object.entries(shapes)) {
  for (const [suffix, color] of [
    ['', '#4E5969'],
    ['-active', '#1A5FB4'],
  ]) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><svg width="81" height="81" viewBox="0 0 80 80">${svg.replaceAll('"C"', `"${color}"`)}</svg></body></html>`,
    )
    await page.screenshot({ path: path.join(out, `${name}${suffix}.png`), omitBackground: true })
  }
}
await browser.close()
