// Jest runs TypeScript through SWC in CommonJS mode. NestJS 12 ships ESM only,
// so its packages (and file-type's ESM dependencies) are transformed too; see
// docs/decisions.md.
const esmPackages = ['@nestjs', 'entities', 'meilisearch', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', '@borewit', 'parse5', 'micromark[a-z-]*', 'decode-named-character-reference', 'character-entities', 'devlop', 'preact', 'preact-render-to-string'];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// Server-rendered pages are TSX with Preact's automatic JSX runtime (tsconfig: jsxImportSource).
const swcTsx = [
  swc[0],
  {
    ...swc[1],
    jsc: { ...swc[1].jsc, parser: { syntax: 'typescript', tsx: true, decorators: true }, transform: { ...swc[1].jsc.transform, react: { runtime: 'automatic', importSource: 'preact' } } },
  },
];

const common = {
  transform: { '^.+\\.tsx$': swcTsx, '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};

module.exports = {
  // Jest 30 reads testTimeout from the root config only; integration tests start a whole app.
  testTimeout: 60000,
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/search/**/*.spec.ts', '<rootDir>/test/relevance/**/*.spec.ts', '<rootDir>/test/loadtest/**/*.spec.ts', '<rootDir>/test/bench/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
