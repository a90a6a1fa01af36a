/** Wire shapes of the backend API, per area. Types only. */
export * from './core'
