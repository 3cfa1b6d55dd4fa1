// Lint rules for every TypeScript file; `npm test` runs this before the tests.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', '.astro/', 'site/', 'test/corpus/', 'test/blind/', 'examples/', 'scanner/rules/**/samples/', 'test/scanner/fixtures/review-probes*/', '**/*.astro'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Name each export: no `export *` (STYLE.md §2).' }],
    },
  },
);
