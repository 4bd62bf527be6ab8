import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import tseslint from 'typescript-eslint';

const headless = ['src/protocol/**/*.ts', 'src/core/**/*.ts', 'src/adapters/**/*.ts'];

export default tseslint.config(
  {ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json']},
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: {'lit-a11y': litA11y},
    rules: litA11y.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'},
      ],
    },
  },
  {
    // Chai assertions such as `expect(x).to.exist` are expressions.
    files: ['test/**/*.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  {
    // The DOM-free layers; which layer may import which is checked by test/core/layering.test.ts.
    files: headless,
    rules: {'no-restricted-globals': ['error', 'window', 'document', 'customElements', 'HTMLElement', 'localStorage']},
  },
);
