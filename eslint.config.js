// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

// Known advisories of installed versions that have no fixed release (docs/security.md, "Manual advisory review"): the
// vulnerable code is reading untrusted files, which OpenKPI never does with these packages. Keep it that way.
const unsafeDependencyUse = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "MemberExpression[property.name=/^(load|read|readFile)$/][object.type='MemberExpression'][object.property.name=/^(xlsx|csv)$/]",
      message: 'exceljs only writes here: loading a workbook reaches advisories without a fix. Read uploads with src/app/import/.',
    },
    { selector: "AssignmentExpression > MemberExpression.left[property.name='note']", message: 'exceljs cell notes carry an advisory without a fix; do not set them.' },
    {
      selector: "ImportDeclaration[source.value='fflate'] ImportSpecifier[imported.name=/^(unzip|unzipSync|Unzip|AsyncUnzip|decompress|decompressSync|Decompress|inflate|inflateSync|Inflate|gunzip|gunzipSync|Gunzip|unzlib|unzlibSync|Unzlib)$/]",
      message: 'fflate only zips here: its decompression carries an advisory without a fix. Read uploads with src/app/import/.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Dependencies point inward (DESIGN.md rule 1).
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: layer(
      ['**/app/**', '**/db/**', '**/server/**', '**/cli/**', '**/web/**', '**/contract/**', 'node:*', 'fs', 'path', 'kysely', 'pg', 'fastify', '@electric-sql/*'],
      'src/core is pure: no IO and nothing from outer layers.',
    ),
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: layer(['**/db/**', '**/server/**', '**/cli/**', '**/web/**', 'kysely', 'pg', 'fastify'], 'src/app talks to storage through ports.ts only.'),
  },
  // The scale-data generator (issue 14) writes millions of rows by COPY, so it may use db/ and Kysely.
  { files: ['src/app/demo/generate/**/*.ts'], rules: layer(['**/server/**', '**/cli/**', '**/web/**', 'pg', 'fastify'], 'The generator writes through db/ only.') },
  {
    files: ['src/db/**/*.ts'],
    ignores: ['src/db/**/*.test.ts'],
    rules: layer(['**/server/**', '**/cli/**', '**/web/**'], 'src/db must not depend on server, cli or web.'),
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: layer(['**/app/**', '**/db/**', '**/server/**', '**/cli/**', '**/web/**'], 'src/contract holds schemas only.'),
  },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/**/*.test.{ts,tsx}'], rules: unsafeDependencyUse },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(['**/app/**', '**/db/**', '**/server/**', '**/cli/**'], 'The web app talks to the server over HTTP only.'),
  },
);
