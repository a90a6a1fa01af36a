/** The WeChat runtime harness: see `mini-program.ts`. */
export { MiniProgram, MAX_PAGE_STACK } from './mini-program'
export { textOf, walk } from './tree'
export { loginAs, logout, seededIdNumber } from './session'
