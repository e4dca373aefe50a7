/**
 * Tests run against a real Neo4j: tests/setup/global-setup.ts starts a throw-away server per worker
 * (unless NEO4J_URI is set) and global-teardown.ts stops them and deletes their folders. Each test
 * file runs on its worker's database, reset to the seed state first (tests/setup/test-databases.ts).
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/setup/worker-database.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/setup/fresh-database.ts'],
  maxWorkers: 2,
  // Generous: the suite must pass on a machine busy with other work (starting an API can take 30 s there).
  testTimeout: 120000,
};
