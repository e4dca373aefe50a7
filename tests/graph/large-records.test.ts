import * as bolt from 'neo4j-driver-bolt-connection';
import { loadConfig } from '../../src/config';
import { GraphClient, int } from '../../src/graph/graph-client';

/**
 * Records larger than one Bolt chunk (a plan tree is about 90 kB) arrive in several parts. The
 * driver's own dechunker hands such a message on as a CombinedBuffer, which finds every byte by
 * walking its parts and decodes every string through a StringDecoder of its own; the project's
 * patch (patches/neo4j-driver-bolt-connection+6.3.0.patch, applied on install) copies the parts
 * into one contiguous buffer first. These tests fail when the patch is not applied, and check
 * that the copy loses nothing.
 */

/** The driver's byte buffers, as far as this test reads them. */
interface ByteBuffer {
  readonly length: number;
  getUInt8(position: number): number;
  putUInt8(position: number, value: number): void;
}
interface DechunkerLike {
  onmessage: (message: ByteBuffer) => void;
  write(buffer: ByteBuffer): void;
}
/** The package exports its channel helpers at run time; its type declarations do not describe them. */
const CHANNEL: string = 'channel';
const channel: { Dechunker: new () => DechunkerLike; alloc(size: number): ByteBuffer } = Reflect.get(bolt, CHANNEL);

/** Bolt framing of a message in chunks of the given sizes: a 2-byte size before each, 0x0000 after the last. */
function framed(message: Uint8Array, chunkSizes: number[]): ByteBuffer {
  const out = channel.alloc(message.length + 2 * chunkSizes.length + 2);
  let at = 0;
  let read = 0;
  for (const size of chunkSizes) {
    out.putUInt8(at++, size >> 8);
    out.putUInt8(at++, size & 0xff);
    for (let i = 0; i < size; i++) out.putUInt8(at++, message[read++]);
  }
  out.putUInt8(at++, 0);
  out.putUInt8(at, 0);
  return out;
}

const bytesOf = (buffer: ByteBuffer): number[] => Array.from({ length: buffer.length }, (_, i) => buffer.getUInt8(i));

test('a message in several chunks reaches the decoder as one contiguous buffer, byte for byte', () => {
  const message = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7 + 3) % 256);
  const received: ByteBuffer[] = [];
  const dechunker = new channel.Dechunker();
  dechunker.onmessage = (m) => received.push(m);
  dechunker.write(framed(message, [65_535, 4_000, 465]));
  expect(received).toHaveLength(1);
  // utf8.decode (neo4j-driver-bolt-connection) takes its fast path on buffers with their own _buffer.
  expect(Object.prototype.hasOwnProperty.call(received[0], '_buffer')).toBe(true);
  expect(Object.prototype.hasOwnProperty.call(received[0], '_buffers')).toBe(false);
  expect(bytesOf(received[0])).toEqual(Array.from(message));
});

test('a record of several chunks, with multi-byte strings across their boundaries, is read exactly', async () => {
  const client = GraphClient.create(loadConfig(process.env).neo4j);
  try {
    const n = 9_000;
    const [row] = await client.readColumns("RETURN [i IN range(1, $n) | '第' + toString(i) + '条：推进以人为核心的新型城镇化'] AS items", { n: int(n) });
    // About 400 kB of UTF-8: several chunks, with characters of three bytes split between them.
    const expected = Array.from({ length: n }, (_, k) => `第${k + 1}条：推进以人为核心的新型城镇化`);
    expect(Buffer.byteLength(expected.join(''))).toBeGreaterThan(200_000);
    expect(row.items).toEqual(expected);
  } finally {
    await client.close();
  }
});
