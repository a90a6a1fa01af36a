/** Browser-test support: server, Chromium, visible page, typing, screenshots, axe, elder-mode checker. */
export * from './server'
export * from './browser'
export * from './axe'
export * from './elder-checker'
export * from './app'
export * from './suite'
export * from './audit'
