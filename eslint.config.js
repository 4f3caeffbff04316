// ESLint: the recommended JS and typescript-eslint rules, React's rules of hooks, and nothing that
// Prettier owns (layout). `npm run lint` runs it; `.ci/run` runs it before the tests.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'test-artifacts/', 'public/', 'scratch/', '.vite/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_`-prefixed names are the deliberate "unused" of a destructuring or a callback signature.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // The two rules of hooks. The React Compiler's rules (immutability, refs, purity, …) assume the
    // compiler memoises components; it does not run here, and the 3D panels mutate their three.js
    // objects in effects on purpose.
    files: ['**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  prettier,
);
