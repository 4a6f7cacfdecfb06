import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserOnly = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'self',
  'postMessage',
  'Worker',
  'Blob',
  'File',
  'FileReader',
  'URL',
];

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The analysis core runs in node, a worker or the main thread: no UI, no threads, no DOM.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react-dom/*',
                'zustand',
                'zustand/*',
                'comlink',
                'recharts',
              ],
              message: 'src/core is pure analysis: no UI or thread libraries.',
            },
            {
              group: [
                '**/components/**',
                '**/store/**',
                '**/worker/**',
                '**/cli/**',
                'node:*',
                'fs',
                'path',
              ],
              message: 'src/core must not depend on the layers above it or on node.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserOnly.map((name) => ({
          name,
          message: 'src/core must not touch browser globals.',
        })),
      ],
    },
  },
  {
    // Components render and dispatch; only the store reaches the worker.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/worker/**', 'comlink'],
              message: 'Components reach the worker only through store actions.',
            },
          ],
        },
      ],
    },
  },
);
