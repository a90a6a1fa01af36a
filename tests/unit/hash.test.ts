import { sha256Hex } from '@/domain/hash'

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
