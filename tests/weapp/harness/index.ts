/** The WeChat runtime harness: see `mini-program.ts`. */
export {
  MiniProgram,
  PageHandle,
  parseUrl,
  MAX_PAGE_STACK,
  type SetDataRecord,
  type LaunchOptions,
  type RecordedRequest,
} from './mini-program'
export { textOf, walk, depthOf, type UiNode } from './tree'
export { loginAs, logout, seededIdNumber, type LoginOptions } from './session'
