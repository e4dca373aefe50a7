/**
 * Jest setupFilesAfterEnv: every test file starts on the seed state, whatever the files before it
 * in this worker wrote (see tests/setup/test-databases.ts).
 */
import 'reflect-metadata';
import { resetToBaseline } from './test-databases';

beforeAll(async () => {
  await resetToBaseline();
}, 120_000);
