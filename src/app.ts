import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import './app.css'

/** App entry: wraps every page. Later issues wire the mocked backend here (mock mode only). */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
