// Lint: ESLint's and typescript-eslint's recommended rules; no focused or skipped tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Express recognises an error handler by its four parameters, so the unused `_next` must stay
      // and `{ type: _, ...rest }` is how a field is dropped from a copy
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
      ],
    },
  },
  // tests read JSON answers whose shape is the thing under test
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
