// @ts-check
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (docs/architecture.md): imports flow one way. shared/ is pure and imports
 * neither side; the mini-program never reaches into functions/; platform/ knows no feature; a
 * feature uses another only through its public index.ts, or its items.ts (the pure declaration
 * of its item keys, which account erasure reads without pulling in the feature's code).
 * A Lambda function's code takes error codes from shared/src/domain-error.ts, never from the
 * merged table (shared/src/errors.ts, or the package root that re-exports it), which would bundle
 * every feature's messages into every function.
 * tests/unit/import-boundaries.test.ts lints deliberate violations to prove each rule fails.
 */
const pattern = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.flat() }] });
const boundary = (message, ...regexes) => restrict(pattern(message, ...regexes));
const mergedErrorTable = pattern(
  "A function imports DomainError and ErrorCode from '@linli/shared/domain-error'; the merged table (@linli/shared, @linli/shared/errors) would bundle every feature's messages.",
  '^@linli/shared(/errors)?$',
);

export const boundaries = [
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: boundary(
      'shared/ is pure TypeScript + zod: it imports neither functions/, miniapp/, the AWS SDK nor Taro.',
      '(^|/)(functions|miniapp)(/|$)',
      '^@(aws-sdk|tarojs)/',
    ),
  },
  {
    files: ['miniapp/**/*.ts', 'miniapp/**/*.tsx'],
    rules: boundary(
      'The mini-program talks to the backend through the route table, never by importing functions/.',
      '(^|/)functions(/|$)',
    ),
  },
  {
    files: ['functions/src/platform/**/*.ts'],
    rules: restrict(
      pattern(
        'platform/ knows no feature: pass what it needs in as a hook (see platform/acting-for.ts).',
        '^\\.\\./(?!table$)',
      ),
      mergedErrorTable,
    ),
  },
  {
    files: ['functions/src/*/**/*.ts'],
    ignores: ['functions/src/platform/**', 'functions/src/local/**'],
    rules: restrict(
      pattern(
        "A feature uses another only through its public index.ts: import '../<feature>' (or its key declarations, '../<feature>/items'), not its files.",
        '^\\.\\./(?!platform/)[^/]+/(?!items$)',
        '^\\.\\./\\.\\./',
      ),
      mergedErrorTable,
    ),
  },
];

/**
 * One declaration per item type (docs/architecture.md): a key, a sort-key prefix or an index value
 * is spelled out only in its feature's items.ts (table.ts for the keys several features share);
 * repositories, tests, the seed and the CDK app call those builders. A string that starts like a
 * key (`MEMBER#…`) anywhere else fails lint. Tests and the bench write synthetic items of their
 * own (TEST#, NOTE#, BENCH#), which belong to no feature.
 */
const KEY_LIKE = '/^(?!TEST#|NOTE#|BENCH#)[A-Z][A-Z_]*#/';
const keyMessage =
  "Keys, sort-key prefixes and index values are declared once, in the feature's items.ts (or table.ts): use its builder.";
export const keyDeclarations = {
  files: ['functions/src/**/*.ts', 'tests/**/*.ts', 'infra/**/*.ts', 'scripts/**/*.ts'],
  ignores: ['functions/src/**/items.ts', 'functions/src/**/*-items.ts', 'functions/src/table.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: `Literal[value=${KEY_LIKE}]`, message: keyMessage },
      { selector: `TemplateElement[value.raw=${KEY_LIKE}]`, message: keyMessage },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'miniapp/dist/', 'infra/cdk.out/', 'artifacts/', '.linli/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...boundaries,
  keyDeclarations,
);
