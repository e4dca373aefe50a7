/**
 * A minimal ustar writer: regular files only, enough for an export bundle. Deterministic: every
 * entry carries the given modification time (the plan's load time), never the clock's.
 */
export function tar(files: Map<string, string | Buffer>, modified: Date): Buffer {
  const mtime = Math.max(0, Math.floor(modified.getTime() / 1000));
  const blocks: Buffer[] = [];
  for (const [name, content] of files) {
    const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const header = Buffer.alloc(512, 0);
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length > 100) throw new Error(`tar: name too long: ${name}`);
    nameBytes.copy(header, 0);
    header.write('0000644\0', 100, 'ascii');
    header.write('0000000\0', 108, 'ascii');
    header.write('0000000\0', 116, 'ascii');
    header.write(body.length.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
    header.write(mtime.toString(8).padStart(11, '0') + '\0', 136, 'ascii');
    header.write('        ', 148, 'ascii');
    header.write('0', 156, 'ascii');
    header.write('ustar\0', 257, 'ascii');
    header.write('00', 263, 'ascii');
    let sum = 0;
    for (const b of header) sum += b;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512, 0));
  }
  blocks.push(Buffer.alloc(1024, 0));
  return Buffer.concat(blocks);
}
