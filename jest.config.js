/** Jest projects: `unit` (plain TS and components), `weapp` (compiled WeChat bundle), `e2e` (H5 in Chromium). */
const common = {
  transform: { '^.+\\.[tj]sx?$': 'babel-jest' },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testEnvironment: 'node',
}
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/tests/doubles/setup.ts'],
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)', '<rootDir>/tests/components/**/*.test.ts?(x)'],
      // First match wins: style sheets (also `@/…/feature.css`) before the `@/` alias.
      moduleNameMapper: {
        '\\.(css|scss)$': '<rootDir>/tests/doubles/style.ts',
        '^@tarojs/taro$': '<rootDir>/tests/doubles/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/doubles/components.tsx',
        ...common.moduleNameMapper,
      },
    },
    {
      ...common,
      displayName: 'weapp',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/weapp/harness/budgets.setup.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
}
