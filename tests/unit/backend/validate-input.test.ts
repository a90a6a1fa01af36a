/**
 * `validateInput`: a route's input refused field by field in plain Chinese — a field left out gets its own
 * schema's words (as when sent empty), never valibot's English or a bare 格式不正确 where the form has words.
 */
import * as v from 'valibot'
import { validateInput } from '@/backend/core/router'

const schema = v.object({
  childId: v.pipe(v.string('请选择孩子'), v.minLength(1, '请选择孩子')),
  note: v.optional(v.pipe(v.string(), v.maxLength(5))),
  count: v.number(),
})

const fieldsOf = (input: unknown): Record<string, string> => {
  try {
    validateInput(schema, input)
  } catch (e) {
    return (e as { status: number; fields: Record<string, string> }).fields
  }
  throw new Error('accepted')
}

describe('validateInput', () => {
  it('a field left out gets its own words; one with no words of its own gets 格式不正确', () => {
    expect(fieldsOf({})).toEqual({ childId: '请选择孩子', count: '格式不正确' })
    expect(fieldsOf({ childId: '', count: 1 })).toEqual({ childId: '请选择孩子' })
    expect(fieldsOf({ childId: 7, count: 1 })).toEqual({ childId: '请选择孩子' })
    expect(fieldsOf({ childId: 'k', count: 1, note: '123456' })).toEqual({ note: '格式不正确' })
    expect(validateInput(schema, { childId: 'k', count: 1 })).toEqual({ childId: 'k', count: 1 })
  })
})
