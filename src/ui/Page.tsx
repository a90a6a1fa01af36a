import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useElderMode } from '../stores/settings'
import { useSession } from '../stores/session'

/**
 * Every page's root: applies elder mode (larger text and targets, one column) on every page, sub-pages
 * included, and shows who a proxy is acting for.
 */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const elder = useElderMode()
  const actingFor = useSession((s) => s.actingFor)
  return (
    <View className={`page ${elder ? 'elder' : ''} ${className}`}>
      {actingFor && <View className="acting-banner" role="status">正在为 {actingFor.name} 代办</View>}
      {children}
    </View>
  )
}
