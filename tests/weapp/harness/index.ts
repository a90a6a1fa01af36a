/** The WeChat runtime harness: see `mini-program.ts`. */
export { MiniProgram, MAX_PAGE_STACK, DEFAULT_DIST } from './mini-program'
export { textOf, walk } from './tree'
export { avoidLastDayOfCreditYear, loginAs, logout, seededIdNumber } from './session'
