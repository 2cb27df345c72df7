import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';

/** The layer rule from DESIGN.md: engine <- store <- features <- app; features never import each other. */
const features = ['draw', 'upload', 'camera', 'stages', 'result', 'learn'];
const layerZones = [
  {
    target: './src/engine',
    from: ['./src/store', './src/features', './src/app', './src/worker'],
    message: 'The engine is framework-free: it may not import UI, store or worker code.',
  },
  {
    target: './src/worker',
    from: ['./src/store', './src/features', './src/app'],
    message: 'The worker hosts the engine only.',
  },
  {
    target: './src/store',
    from: ['./src/features', './src/app'],
    message: 'The store may not import UI.',
  },
  {
    target: './src/features',
    from: ['./src/app'],
    message: 'Features may not import the app shell.',
  },
  {
    target: './src/ui',
    from: ['./src/features', './src/app', './src/store', './src/worker'],
    message: 'src/ui holds presentational components only.',
  },
  ...features.map((f) => ({
    target: `./src/features/${f}`,
    from: features.filter((o) => o !== f).map((o) => `./src/features/${o}`),
    message: 'Features never import each other: share through the store or src/ui.',
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'training',
      'coverage',
      '.bench',
      'e2e/fixtures/generated',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    // Type-aware rules: the whole-repo tsconfig plus the worker's (its entry is checked there).
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.worker },
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.worker.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: { 'import/resolver': { typescript: true, node: true } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A promise nobody awaits or catches hides its failure; one handed where a callback's
      // result is ignored (onClick, addEventListener) rejects unseen.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    files: ['scripts/**', 'e2e/**', 'src/node/**', '*.config.{ts,js}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
