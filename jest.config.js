/**
 * Tests run against a real Neo4j: tests/setup/global-setup.ts starts a throw-away server (unless
 * NEO4J_URI is set) and global-teardown.ts stops it and deletes its folder.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
};
