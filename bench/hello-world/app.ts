import type { PropsWithChildren } from 'react'

/** Baseline app: renders its one page. */
export default function App({ children }: PropsWithChildren) {
  return children
}
