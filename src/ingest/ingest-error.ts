/**
 * An error in the input of ingestion, located like a compiler error: file, line, column.
 * Ingestion throws nothing else for bad input; the CLI prints `file:line:column: message`.
 */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'IngestError';
  }
}
