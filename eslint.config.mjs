import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

/** Server code imports next-intl's server API through src/i18n/server.ts (shared caches). */
const NEXT_INTL_SERVER = {
  name: 'next-intl/server',
  message:
    'Import from @/i18n/server: it shares compiled messages and Intl formatters across requests.',
};

/** Links come from src/components/ui/link.tsx (no automatic prefetch of dynamic pages). */
const NEXT_LINK = {
  name: 'next/link',
  message: 'Import Link from @/components/ui/link: it does not prefetch every link in view.',
};

const config = [
  {
    ignores: [
      '.next*/**',
      'node_modules/**',
      '.data/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings from src/env.ts.' },
      ],
    },
  },
  {
    files: [
      'src/env.ts',
      'scripts/**',
      'bench/**',
      'tests/**',
      '*.config.*',
      'src/instrumentation.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/**'],
    ignores: ['src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NEXT_INTL_SERVER, NEXT_LINK],
        },
      ],
    },
  },
  {
    files: ['src/app/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NEXT_INTL_SERVER, NEXT_LINK],
          patterns: [
            {
              group: ['@/server/db', '@/server/db/*'],
              message: 'Routes and components go through src/server/<domain>, never the database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/ui/link.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
