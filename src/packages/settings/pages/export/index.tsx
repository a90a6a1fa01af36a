import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { exportMyData } from '@/api'
import type { MyDataExportDto } from '@/domain/shared/contracts'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'

/** The file name of an export: `现代社区-我的数据-2026-03-02.json`. */
const fileName = (x: MyDataExportDto) => `现代社区-我的数据-${x.exportedAt.slice(0, 10)}.json`

/**
 * Saves the export as a JSON file. H5: a download (a Blob and a link). WeChat: written to the
 * mini-program's user folder, then sent to a chat (e.g. 文件传输助手) with `shareFileMessage`, the one
 * way WeChat lets a person take a JSON file out. Returns what to tell the person.
 * @throws when the file cannot be written or sent
 */
async function saveFile(x: MyDataExportDto): Promise<string> {
  const json = JSON.stringify(x, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = fileName(x)
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return '数据文件已开始下载'
  }
  const path = `${(Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH}/${fileName(x)}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: json,
      encoding: 'utf8',
      success: () => resolve(),
      fail: reject,
    }),
  )
  const share = (
    Taro as unknown as { shareFileMessage?: (o: { filePath: string; fileName: string }) => Promise<unknown> }
  ).shareFileMessage
  if (!share) return '数据文件已保存在小程序中'
  await share({ filePath: path, fileName: fileName(x) })
  return '数据文件已发送'
}

/**
 * 导出我的数据: what is stored about the person, per service in plain words (counts and key facts), and
 * the complete record as a JSON file to keep (download on H5, a file sent to a chat on WeChat), or the
 * summary copied as text.
 */
export default function Export() {
  const loader = useLoader(exportMyData)
  const [saved, setSaved] = useState<string | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const save = (x: MyDataExportDto) => {
    setFailed(null)
    saveFile(x).then(setSaved, (e: unknown) => {
      // Closing WeChat's chat picker is not a failure.
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) setFailed(e)
    })
  }
  return (
    <Page requireLogin title="我的数据">
      <View className="secondary">以下是我们保存的关于您的全部信息。只有您本人能看到完整的身份证号码。</View>
      <Loaded of={loader}>
        {(x) => (
          <View>
            {x.summary.map((s) => (
              <Section key={s.service} title={s.service}>
                <View className="card card-pad pre">{s.lines.join('\n')}</View>
              </Section>
            ))}
            <View className="secondary">
              完整数据文件（JSON 格式，共 {Object.values(x.tables).reduce((n, rows) => n + rows.length, 0)}{' '}
              条记录）可以用电脑打开，也可以交给其他服务使用。
            </View>
            <Button id="export-save" onTap={() => save(x)}>
              {process.env.TARO_ENV === 'h5' ? '下载完整数据文件' : '发送完整数据文件'}
            </Button>
            {saved && (
              <View className="secondary" id="export-saved">
                {saved}
              </View>
            )}
            {failed !== null && <ErrorNote text="没有保存成功，请再试一次，或复制全部文字。" cause={failed} />}
            <Button id="export-copy" kind="secondary" onTap={() => Taro.setClipboardData({ data: x.text })}>
              复制全部文字
            </Button>
          </View>
        )}
      </Loaded>
    </Page>
  )
}
