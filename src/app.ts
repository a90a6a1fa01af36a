import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import './app.css'

// Mock mode: the embedded backend answers `/api/...` (left out of real-backend builds at compile time).
if (!process.env.TARO_APP_API_BASE) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('./mock/install').installMockBackend()
}

// H5 test build only (compiled out elsewhere): lets the browser tests switch elder mode on any page.
if (process.env.TARO_APP_TEST === '1' && process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { setElderMode } = require('./stores/settings')
  ;(window as unknown as { __mcTest: unknown }).__mcTest = { setElderMode }
}

/** App entry: wraps every page. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
