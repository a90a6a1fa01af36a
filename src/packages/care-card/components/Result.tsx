import { View } from '@tarojs/components'
import { Button } from '@/ui/Button'
import { PageTitle } from '@/ui/Page'

/** A result view after a submit: what happened, what happens next, and a way on. */
export function Result({
  title,
  lines,
  actions,
}: {
  title: string
  lines: string[]
  actions: { text: string; onTap: () => void; id?: string; kind?: 'primary' | 'secondary' }[]
}) {
  return (
    <View className="cc-result" id="cc-result">
      <View className="cc-result-mark" aria-hidden="true">
        ✓
      </View>
      <PageTitle>{title}</PageTitle>
      {lines.map((l) => (
        <View key={l} className="notice">
          {l}
        </View>
      ))}
      {actions.map((a) => (
        <Button key={a.text} id={a.id} kind={a.kind ?? 'secondary'} onTap={a.onTap}>
          {a.text}
        </Button>
      ))}
    </View>
  )
}
