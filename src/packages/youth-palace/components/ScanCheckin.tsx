import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'

const CODE_RE = /^MCYP:([^:]+):(\d{4}-\d{2}-\d{2}):[0-9a-f]{8}$/

/**
 * Reads a scanned check-in code for `session` of a course whose roster is `roster`: the child's
 * enrollment id, or why not in words (not a code, another course's, another day's). The backend checks
 * the code's signature when the roll call is sent.
 */
function readCheckin(
  text: string,
  roster: { enrollmentId: string; childName: string }[],
  session: string,
): { enrollmentId: string; childName: string } | { refused: string } {
  const m = CODE_RE.exec(text.trim())
  if (!m) return { refused: '这不是青少年宫的签到码，请让家长打开“签到码”页面重新出示。' }
  const child = roster.find((r) => r.enrollmentId === m[1])
  if (!child) return { refused: '这是别的课程（或未确认名额）的签到码，不是本课程的，请核对。' }
  if (m[2] !== session)
    return { refused: `这是 ${formatDateCn(m[2])} 那次课的签到码，不是 ${formatDateCn(session)} 这次课的。` }
  return child
}

/**
 * 扫码签到 (WeChat only; the 到了/没到 list stays as the fallback): `Taro.scanCode` reads a family's
 * check-in code; a code of this course and session calls `onPresent(enrollmentId, code)`, anything
 * else is refused in words. A cancelled scan says nothing.
 */
export function ScanCheckin({
  roster,
  session,
  onPresent,
}: {
  roster: { enrollmentId: string; childName: string }[]
  session: string
  onPresent: (enrollmentId: string, code: string) => void
}) {
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  if (process.env.TARO_ENV !== 'weapp') return null
  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      setNote(null)
      return
    }
    const read = readCheckin(text, roster, session)
    if ('refused' in read) {
      setNote({ ok: false, text: read.refused })
      return
    }
    onPresent(read.enrollmentId, text.trim())
    setNote({ ok: true, text: `${read.childName}：到了（已扫码）。提交点名后生效。` })
  }
  return (
    <View>
      <Button id="att-scan" kind="secondary" onTap={scan}>
        扫码签到
      </Button>
      {note && (
        <View className={note.ok ? 'notice' : 'cell-note tag-bad'} role="status" id="att-scan-note">
          {note.text}
        </View>
      )}
    </View>
  )
}
