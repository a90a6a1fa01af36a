import { sha256Hex, utf8Bytes } from '@/domain/shared/hash'
import { TextEncoder as NodeTextEncoder } from 'node:util'

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector for "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
  it('hashes UTF-8 text and separates parts with a newline', () => {
    expect(sha256Hex('总浦桥')).toHaveLength(64)
    expect(sha256Hex('a', 'bc')).not.toBe(sha256Hex('ab', 'c'))
    expect(sha256Hex('a', 'bc')).toBe(sha256Hex('a\nbc'))
  })
})

describe('utf8Bytes', () => {
  it.each(['abc', '总浦桥社区', '😀 emoji', 'é', '\u0000', 'a\ud800b'])('encodes %j like TextEncoder', (text) => {
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new NodeTextEncoder().encode(text)))
  })
})
