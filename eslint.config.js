import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * Layering: routes → features → domain, api, components, lib. Features do not import each other;
 * what two features share moves down a layer. Tests may reach anywhere (they render the app).
 */
const FEATURES = [
  'connection',
  'sessions',
  'trace-compare',
  'trace-file',
  'trace-list',
  'trace-view',
];
const UP = String.raw`^(\.\./)+`;
const layer = (regex, message) => ({ regex, message });
const layeringRules = [
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              `${UP}(features/)?(${FEATURES.filter((other) => other !== feature).join('|')})/`,
              'Features do not import each other: move what both need to domain/, components/ or lib/.',
            ),
            layer(`${UP}(app|routes)/`, 'Features do not import routes or the app shell.'),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/{domain,api,components,lib}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              `${UP}(features|routes|app|mocks)/`,
              'The shared layers (domain, api, components, lib) do not import features, routes, the app or mocks.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              `${UP}(features|routes|app|mocks|components)/`,
              'The domain is plain TypeScript: it imports only api/ types and lib/.',
            ),
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule only matters to the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      // Server strings must never become markup or code (see the Security section of the README).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Server data is shown as text, never as HTML.',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Server data is shown as text, never as HTML.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]',
          message: 'Server data is shown as text, never as HTML.',
        },
      ],
      // The Content-Security-Policy has no 'unsafe-eval': strings never become code.
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  ...layeringRules,
);
