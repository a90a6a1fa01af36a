// Jest (unit project): the code under test sees the H5 platform unless a test says otherwise.
process.env.TARO_ENV = process.env.TARO_ENV || 'h5'

// Dates: a strict `Date` that rejects what iOS rejects (only full ISO 8601 strings parse).
import { installStrictDate } from './strict-date'

installStrictDate(globalThis)
