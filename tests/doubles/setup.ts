// Jest (unit project): the code under test sees the H5 platform unless a test says otherwise.
process.env.TARO_ENV = process.env.TARO_ENV || 'h5'
