import { canonicalText } from './canonical-text';

/**
 * Leftmost-longest dictionary matching: at each position the longest entry that starts there
 * wins and consumes its characters, so a longer name hides the shorter names inside it.
 * Entries and text are compared in their canonical view (one width per punctuation mark and
 * digit), which keeps offsets; the words matched are `text.slice(index, index + length)`.
 */
export class LongestMatcher<T extends { text: string }> {
  private readonly byFirstChar = new Map<string, { key: string; entry: T }[]>();

  constructor(entries: T[]) {
    for (const entry of entries) {
      const key = canonicalText(entry.text);
      const list = this.byFirstChar.get(key[0]) ?? [];
      list.push({ key, entry });
      this.byFirstChar.set(key[0], list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.key.length - a.key.length);
  }

  *matches(text: string): Generator<{ entry: T; index: number; length: number }> {
    const view = canonicalText(text);
    let i = 0;
    while (i < view.length) {
      const hit = this.byFirstChar.get(view[i])?.find((e) => view.startsWith(e.key, i));
      if (!hit) {
        i++;
        continue;
      }
      yield { entry: hit.entry, index: i, length: hit.key.length };
      i += hit.key.length;
    }
  }
}
