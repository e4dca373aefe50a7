/**
 * Jest setupFiles: before each test file, point NEO4J_* at the database of this file's worker, and
 * give the API's transactions room: on a machine busy with other work a plain read has taken over
 * the production default of 15 s. Tests of the timeouts themselves set their own.
 */
import { useWorkerDatabase } from './test-databases';

useWorkerDatabase();
process.env.NEO4J_READ_TIMEOUT_MS ??= '120000';
process.env.NEO4J_WRITE_TIMEOUT_MS ??= '120000';
