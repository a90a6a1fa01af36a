import Taro from '@tarojs/taro'

/** Width of the share image in px, and its text layout. */
const WIDTH = 750
const MARGIN = 40
const FONT_PX = 28
const LINE_PX = 44

/** Breaks `text` into lines no wider than `max` px as measured by `measure` (Chinese text breaks anywhere). */
export function wrapText(text: string, max: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  let cur = ''
  for (const ch of text) {
    if (cur && measure(cur + ch) > max) {
      out.push(cur)
      cur = ch
    } else cur += ch
  }
  out.push(cur)
  return out
}

/**
 * WeChat only: draws `lines` (the sheet's text, `sheetLines`) black on white into an image 750 px wide and
 * opens WeChat's share-image menu (send to a chat such as 文件传输助手, save to the album, print from a
 * computer). Needs base library 2.16.1+ (`createOffscreenCanvas` 2d) and 2.14.3+ (`showShareImageMenu`).
 * @throws Error when the phone's WeChat cannot draw or share the image (the page says so).
 */
export async function shareSheetImage(lines: string[]): Promise<void> {
  const probe = Taro.createOffscreenCanvas({ type: '2d', width: WIDTH, height: 10 })
  const pctx = probe.getContext('2d') as CanvasRenderingContext2D
  pctx.font = `${FONT_PX}px sans-serif`
  const wrapped = lines.flatMap((l) => wrapText(l, WIDTH - 2 * MARGIN, (s) => pctx.measureText(s).width))
  const height = Math.min(8000, 2 * MARGIN + wrapped.length * LINE_PX)
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: WIDTH, height })
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, WIDTH, height)
  ctx.fillStyle = '#1d2129'
  ctx.font = `${FONT_PX}px sans-serif`
  ctx.textBaseline = 'top'
  wrapped.forEach((l, i) => ctx.fillText(l, MARGIN, MARGIN + i * LINE_PX))
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
  } as Taro.canvasToTempFilePath.Option)
  await Taro.showShareImageMenu({ path: tempFilePath })
}
