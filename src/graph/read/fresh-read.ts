import DataLoader from 'dataloader';

/**
 * One read shared by every caller that asks while it is being prepared, with one guarantee a plain
 * "join the read in flight" lacks: every caller gets a value read by a statement SENT AFTER its
 * call. So a caller that asks after a write committed always sees that write, as if it had read
 * alone; only the number of statements changes.
 *
 * At most one statement is in flight. Callers that arrive while it is in flight wait for the next
 * one, which is sent as soon as the first answers; under load each statement answers a whole
 * queue of callers, and with no load the first caller's statement is sent at once. (DataLoader
 * gathers the callers: a batch is open until its dispatch, and any call after the dispatch opens
 * the next batch.)
 */
export function freshSharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<'value', T>(
    async (keys) => {
      const sent = read();
      inFlight = sent.catch(() => undefined);
      const value = await sent;
      return keys.map(() => value);
    },
    {
      cache: false,
      batchScheduleFn: (dispatch) => {
        void inFlight.then(dispatch);
      },
    },
  );
  return () => loader.load('value');
}
