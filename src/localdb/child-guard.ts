/**
 * Kills an attached (non-detached) server when this Node process goes away, so an interrupted
 * or crashed test run does not leave Java running.
 *
 * Contract: on process exit, SIGINT, SIGTERM or SIGHUP the child gets SIGTERM (Neo4j then shuts
 * down cleanly on its own). For signals, the default behaviour (terminating) is kept by
 * re-raising the signal when no other listener handles it. The returned function unregisters.
 * A SIGKILLed parent cannot run anything; global-setup sweeps such leftovers on the next run.
 */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function killChildOnExit(pid: number): () => void {
  let done = false;
  const killChild = (): void => {
    if (done) return;
    done = true;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    killChild();
    unregister();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unregister = (): void => {
    process.removeListener('exit', killChild);
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  process.on('exit', killChild);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    done = true;
    unregister();
  };
}
