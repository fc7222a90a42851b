// One jest run covers every suite: unit tests need nothing, integration and e2e tests share
// the real Neo4j that the global setup starts (on a free port, with a throw-away store).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  // Integration suites share one database and e2e suites one browser: run them one at a
  // time on a 2-core machine rather than have them fight over it.
  maxWorkers: 1,
};
