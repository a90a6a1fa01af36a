/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    /** Base URL of a real backend; when empty the app runs against the embedded mocked backend. */
    TARO_APP_API_BASE?: string
    /** '1' in the H5 test build. */
    TARO_APP_TEST?: string
  }
}
