import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useEffect, useMemo } from 'react'

/** A QR code as a GIF data URL in an <Image>, named for screen readers (on H5 the inner <img> gets the alt text). */
export function QrImage({ text, label, id = 'yp-qr' }: { text: string; label: string; id?: string }) {
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
    <View role="img" aria-label={label}>
      <Image id={id} className="yp-qr" src={src} mode="aspectFit" ariaLabel={label} />
    </View>
  )
}
