import { IngestError } from './ingest-error';

/**
 * Decodes the bytes of a plan file as UTF-8 text, refusing what is not a plan text:
 * an empty file, a binary file (NUL bytes) or another encoding (invalid UTF-8), each with the
 * line and column where the problem starts.
 */
export function readSource(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IngestError(file, 1, 1, 'the file is empty; expected the text of a plan');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = locateByte(bytes, nul);
    throw new IngestError(file, line, column, 'the file is binary (NUL byte); expected UTF-8 plain text');
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const { line, column } = locateByte(bytes, invalid);
    throw new IngestError(
      file,
      line,
      column,
      'the file is not valid UTF-8 (GBK or GB18030?); convert it first, e.g. iconv -f GB18030 -t UTF-8',
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') throw new IngestError(file, 1, 1, 'the file holds only whitespace; expected the text of a plan');
  return text;
}

/** Line and column (1-based, columns in characters) of a byte offset of valid UTF-8 prefix. */
function locateByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= bytes.length) return i; // truncated sequence at the end of the file
    let cp = b & (0xff >> (extra + 2));
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}
