import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', 'data/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-extraneous-class': 'off',
      // Price, Money and Quantity are branded numbers; negating one is ordinary arithmetic.
      '@typescript-eslint/no-unsafe-unary-minus': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/application/**', '**/adapters/**', '**/infrastructure/**'],
              message: 'The domain depends only on itself.',
            },
            {
              group: ['node:*', 'fs', 'http', 'https', 'net', 'undici', 'pino', 'inversify', 'better-sqlite3', 'zod'],
              message: 'The domain is pure: no I/O or framework imports.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read time through the Clock port.' },
        { object: 'Math', property: 'random', message: 'Take randomness through a port or a seed.' },
        { object: 'process', property: 'env', message: 'Configuration is injected.' },
      ],
    },
  },
);
