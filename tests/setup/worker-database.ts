/** Jest setupFiles: before each test file, point NEO4J_* at the database of this file's worker. */
import { useWorkerDatabase } from './test-databases';

useWorkerDatabase();
