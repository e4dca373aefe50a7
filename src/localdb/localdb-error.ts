/**
 * A failure of the local database tooling that the user can fix. Contract: the message is one
 * line that says what happened and what to do; the CLI prints only the message (no stack).
 */
export class LocalDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalDbError';
  }
}
