import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { onApiRetry } from './api'
import { showRetryNotice } from './ui/retryNotice'
import { freeSpaceAdvice, showStorageFullNotice } from './ui/storageFullNotice'
import { onStorageFull } from './stores/storage'
import './app.css'

// Each `require` below sits under a compile-time condition, so a build where it is false leaves the module
// out; an `import` would bundle it always.

// H5: elder mode, roles and keyboard for Taro's own dialogs, toasts and navigation bar (WeChat draws its
// native ones).
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out when false
  require('./ui/h5-system.css')
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out when false
  require('./ui/h5Dialogs').installDialogA11y()
  // The navigation bar's back control (the bar itself: app.config.ts window.navigationStyle).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out when false
  require('./ui/h5NavBar').installNavBar()
}

// Every automatic retry of a request says so ("网络不稳，正在重试（第 N 次）…").
onApiRetry(showRetryNotice)

// A local save that does not fit (after caches were dropped) is said in plain words, not swallowed.
onStorageFull(() => showStorageFullNotice())

// Mock mode: the embedded backend answers `/api/...` (left out of real-backend builds at compile time).
if (!process.env.TARO_APP_API_BASE) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out when false
  require('./mock/install').installMockBackend({ freeSpaceAdvice: freeSpaceAdvice() })
}

// H5 test build only (compiled out elsewhere): lets the browser tests switch elder mode on any page.
if (process.env.TARO_APP_TEST === '1' && process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out when false
  const { setElderMode } = require('./stores/settings')
  ;(window as unknown as { __mcTest: unknown }).__mcTest = { setElderMode }
}

/** App entry: wraps every page. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
