import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'

/**
 * 扫码收款 for one booking: on WeChat `Taro.scanCode` reads the elder's payment-code QR; on H5, or when the
 * scan fails or is cancelled, a field takes the 8 digits shown under the code. `pay` sends what was read
 * (the QR text or the digits) and resolves to something truthy on success, `undefined` when refused
 * (the page shows why); after a refusal the typing field stays open.
 */
export function ScanPay({
  id,
  holderName,
  busy,
  pay,
}: {
  /** Suffix of the element ids (the order id). */
  id: string
  holderName: string
  busy: boolean
  pay: (code: string) => Promise<unknown>
}) {
  const [typing, setTyping] = useState(false)
  const [digits, setDigits] = useState('')
  const [error, setError] = useState('')
  const [note, setNote] = useState('')

  const send = async (code: string) => {
    if (!(await pay(code))) setTyping(true)
  }
  const scan = async () => {
    setError('')
    if (process.env.TARO_ENV !== 'weapp') {
      setTyping(true)
      return
    }
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setNote('')
      await send(r.result)
    } catch {
      setNote('没有扫到付款码。可以再扫一次，或输入付款码下面的 8 位数字。')
      setTyping(true)
    }
  }
  const typed = async () => {
    const code = digits.replace(/\s+/g, '')
    if (!/^\d{8}$/.test(code)) {
      setError('请输入付款码下面的 8 位数字')
      return
    }
    await send(code)
  }

  return (
    <View>
      <Button id={`scan-${id}`} label={`扫码收款：${holderName}`} loading={busy} onTap={scan}>
        扫码收款
      </Button>
      {note && (
        <View className="cell-note" role="status">
          {note}
        </View>
      )}
      {typing && (
        <View>
          <Field
            id={`paycode-${id}`}
            label="付款码数字（8 位）"
            type="number"
            maxlength={8}
            value={digits}
            onInput={(v) => {
              setDigits(v)
              setError('')
            }}
            error={error || undefined}
          />
          <Button id={`paycode-send-${id}`} kind="secondary" loading={busy} onTap={typed}>
            确认收款
          </Button>
        </View>
      )}
    </View>
  )
}
