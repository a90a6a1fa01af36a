import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import './app.css'

// Mock mode: the embedded backend answers `/api/...` (left out of real-backend builds at compile time).
if (!process.env.TARO_APP_API_BASE) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('./mock/install').installMockBackend()
}

/** App entry: wraps every page. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
