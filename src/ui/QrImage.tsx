import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useEffect, useMemo } from 'react'

/**
 * A QR code of `text` as a GIF data URL in an <Image> (works on H5 and WeChat), named `label` for screen
 * readers: the wrapper is an image with that name, and on H5, where Taro's Image keeps the real <img>
 * inside its own element, the inner <img> gets it as alt text once rendered (retried for up to 1 s).
 * `id` names the <Image>; `className` styles it and `wrapClassName` its wrapper (each feature sizes it).
 * Used for the care card's pay code and the youth palace's check-in code.
 */
export function QrImage({
  text,
  label,
  id,
  className,
  wrapClassName,
}: {
  text: string
  label: string
  id: string
  className?: string
  wrapClassName?: string
}) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(text)
    qr.make()
    return qr.createDataURL(4, 4)
  }, [text])
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    let tries = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const apply = () => {
      const imgs = document.querySelectorAll(`#${id} img`)
      if (!imgs.length) {
        if (tries++ < 20) timer = setTimeout(apply, 50)
        return
      }
      imgs.forEach((el) => el.setAttribute('alt', label))
    }
    apply()
    return () => clearTimeout(timer)
  })
  return (
    <View className={wrapClassName} role="img" aria-label={label}>
      <Image id={id} className={className} src={src} mode="aspectFit" ariaLabel={label} />
    </View>
  )
}
