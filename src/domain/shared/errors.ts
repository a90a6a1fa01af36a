/**
 * A broken business rule or malformed input in the domain layer. `code` is a stable upper-case
 * identifier (e.g. `INVALID_RESIDENT_ID`, `INVALID_DATE`); `message` is plain Chinese for the user.
 */
export class DomainError extends Error {
  code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }
}
