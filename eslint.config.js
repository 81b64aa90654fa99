import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

/*
 * Layering (docs/adr/0003, docs/adr/0005): routes → features → domain → api → lib, with components
 * (shared UI) beside domain. src/app is the shell; src/mocks the demo AgentOS; src/test the test
 * builders. Each zone forbids its `target` to import from `from`. Tests may reach anywhere (they
 * render the app and feed it demo data), so the zones apply to application code only.
 */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const TESTS = ['**/*.test.{ts,tsx}', 'src/test/**'];
/** The demo start-up: the one application module that loads src/mocks (as a lazy chunk). */
const DEMO_START_UP = 'src/features/connection/demoWorker.ts';

const layerZones = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'Features do not import each other: move what both need down to domain/, components/ or lib/.',
  })),
  {
    target: './src/features',
    from: ['./src/routes', './src/app'],
    message: 'Features do not import routes or the app shell.',
  },
  {
    target: './src/components',
    from: ['./src/features', './src/routes', './src/app'],
    message:
      'components/ is UI that features share: it imports no feature, route or the app shell.',
  },
  {
    target: './src/domain',
    from: ['./src/components', './src/features', './src/routes', './src/app'],
    message: 'The domain is plain TypeScript: it imports only api/ and lib/.',
  },
  {
    target: './src/api',
    from: ['./src/domain', './src/components', './src/features', './src/routes', './src/app'],
    message: 'api/ speaks to AgentOS and imports no UI: only lib/.',
  },
  {
    target: './src/lib',
    from: [
      './src/api',
      './src/domain',
      './src/components',
      './src/features',
      './src/routes',
      './src/app',
    ],
    message: 'lib/ is the bottom layer: it imports nothing from the rest of src/.',
  },
  {
    target: './src',
    from: './src/test',
    message: 'src/test/ holds test builders: only tests import them.',
  },
];
const mocksZone = {
  target: [
    './src/main.tsx',
    './src/app',
    './src/routes',
    './src/features',
    './src/components',
    './src/domain',
    './src/api',
    './src/lib',
  ],
  from: './src/mocks',
  message: `The demo AgentOS is loaded only by the demo start-up (${DEMO_START_UP}), scripts/, e2e/, bench/ and tests.`,
};
const restrictedPaths = (zones) => ['error', { basePath: import.meta.dirname, zones }];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
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
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // What import-x's `flatConfigs.typescript` sets, but with the resolver-next API.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.app.json` }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': restrictedPaths([...layerZones, mocksZone]),
      // zod's full build carries JSON Schema output into every page's first load (ADR 1).
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import from 'zod/mini': about 16 kB smaller." }] },
      ],
    },
  },
  {
    files: [DEMO_START_UP],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(layerZones) },
  },
  {
    files: TESTS,
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
