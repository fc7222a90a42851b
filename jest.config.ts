import type { Config } from 'jest';

// One jest run covers every suite: unit tests need nothing, integration and e2e tests share
// the real Neo4j that the global setup starts (on a free port, with a throw-away store).
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  // Integration suites share one database and e2e suites one browser install: run them one
  // at a time on a 2-core machine rather than fight over it.
  maxWorkers: 1,
};

export default config;
