import { freshSharedRead } from '../../src/graph/read/fresh-read';

/** A read whose answers the test releases by hand, to order calls against reads in flight. */
function controlledRead() {
  const sent: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = () => new Promise<number>((resolve, reject) => sent.push({ resolve, reject }));
  return { read, sent };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('freshSharedRead', () => {
  it('sends the first call at once, and gathers the calls made meanwhile into one next read', async () => {
    const { read, sent } = controlledRead();
    const shared = freshSharedRead(read);
    const first = shared();
    await settle();
    expect(sent).toHaveLength(1);
    // Three calls while the first read is in flight: none of them may get its answer.
    const later = [shared(), shared(), shared()];
    await settle();
    expect(sent).toHaveLength(1);
    sent[0].resolve(1);
    expect(await first).toBe(1);
    await settle();
    expect(sent).toHaveLength(2);
    sent[1].resolve(2);
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
  });

  it('gives a call made after a read was sent a later read, never the one already in flight', async () => {
    const { read, sent } = controlledRead();
    const shared = freshSharedRead(read);
    const before = shared();
    await settle();
    const after = shared();
    sent[0].resolve(10);
    await settle();
    sent[1].resolve(11);
    expect(await before).toBe(10);
    expect(await after).toBe(11);
  });

  it('fails only the callers of a failed read, and the next call reads again', async () => {
    const { read, sent } = controlledRead();
    const shared = freshSharedRead(read);
    const failing = shared();
    await settle();
    sent[0].reject(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    const next = shared();
    await settle();
    expect(sent).toHaveLength(2);
    sent[1].resolve(3);
    expect(await next).toBe(3);
  });
});
