/** Progress messages of the local database tooling: one human-readable line per call. */
export type LocalDbLog = (message: string) => void;

export const silentLog: LocalDbLog = () => undefined;
