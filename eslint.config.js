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

/** The page's own layers and libraries, which nothing beneath them may import. */
const PAGE = ['**/components/**', '**/store/**', 'react', 'react-dom', 'zustand'];

/** A folder that must import none of `forbidden` (one sentence says why). */
function importsNone(files, forbidden, message) {
  return {
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }] },
  };
}

export default tseslint.config(
  // *.as.ts: AssemblyScript, compiled by scripts/buildKernels.ts, not TypeScript.
  { ignores: ['dist', 'coverage', 'node_modules', 'public', '**/*.as.ts'] },
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
    // A message object in a template string would read "[object Object]": the type checker
    // finds every one (messages are rendered in the user's language, never interpolated).
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowRegExp: false },
      ],
      '@typescript-eslint/no-base-to-string': 'error',
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
              group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'comlink'],
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
    // Components render and dispatch: they reach the analysis only through the store (its
    // actions, selectors and vocabulary), and take nothing from the core but types.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/worker/**', 'comlink', '**/cli/**'],
              message: 'Components reach the worker only through store actions.',
            },
            {
              group: ['**/core/**'],
              allowTypeImports: true,
              message:
                'Components take only types from the core: computations go through the store (selectors, src/store/vocabulary.ts).',
            },
          ],
        },
      ],
    },
  },
  // The store drives the page: no components, and no command line.
  importsNone(
    'src/store/**/*.ts',
    ['**/components/**', '**/cli/**', 'react-dom', 'react-dom/*'],
    'The store knows nothing of components or the command line.',
  ),
  // The worker is a thin boundary over one core session.
  importsNone(
    'src/worker/**/*.ts',
    [...PAGE, '**/cli/**'],
    'The worker knows only the core (and Comlink).',
  ),
  // The helpers' pool serves the page's worker and the command line's threads alike.
  importsNone(
    'src/pool/**/*.ts',
    [...PAGE, '**/worker/**', '**/cli/**', 'node:*'],
    'The pool knows only the core (and Comlink), in a page as in node.',
  ),
  // The command line builds the same session from a file on disk.
  importsNone(
    'src/cli/**/*.ts',
    [...PAGE, '**/worker/**'],
    "The command line knows only the core (and the helpers' pool).",
  ),
);
