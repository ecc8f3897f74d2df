// @ts-check
/** Jest projects, one per test tier. Plain JS so jest needs no TypeScript loader. */

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@linli/shared$': '<rootDir>/shared/src/index.ts',
  '^@linli/shared/(.*)$': '<rootDir>/shared/src/$1',
};

// ESM-only packages that jest must transform before running them under CommonJS.
const transformIgnorePatterns = ['/node_modules/(?!(jose|ulidx|layerr|@middy|@seriousme)/)'];

const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper,
  transformIgnorePatterns,
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
const config = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      setupFiles: ['<rootDir>/tests/helpers/unit-env.ts'],
      testMatch: [
        '<rootDir>/tests/unit/**/*.test.ts',
        '<rootDir>/shared/src/**/*.test.ts',
        '<rootDir>/functions/src/**/*.test.ts',
      ],
    },
    {
      ...base,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/miniapp/src/**/*.test.tsx', '<rootDir>/miniapp/src/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/helpers/taro-setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeouts/components.ts'],
      // Taro's React components (Stencil, with swiper inside) and NutUI ship ES modules only.
      transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
      transformIgnorePatterns: [
        '/node_modules/(?!(jose|ulidx|layerr|@tarojs|@stencil|@nutui|@swc/helpers|\\.pnpm|tslib|swiper|ssr-window|dom7)/)',
      ],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/helpers/taro-mock.ts',
        '^@nutui/nutui-react-taro$': '<rootDir>/tests/helpers/nutui-on-demand.ts',
        '\\.(css|scss)$': '<rootDir>/tests/helpers/style-mock.ts',
        '\\.(png|jpg|svg)$': '<rootDir>/tests/helpers/file-mock.ts',
      },
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/integration-global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/integration-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeouts/integration.ts'],
    },
    {
      ...base,
      displayName: 'infra',
      testMatch: ['<rootDir>/tests/infra/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeouts/infra.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/e2e-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeouts/e2e.ts'],
    },
  ],
};

module.exports = config;
