/**
 * Leftmost-longest dictionary matching: at each position the longest entry that starts there
 * wins and consumes its characters, so a longer name hides the shorter names inside it.
 */
export class LongestMatcher<T extends { text: string }> {
  private readonly byFirstChar = new Map<string, T[]>();

  constructor(entries: T[]) {
    for (const e of entries) {
      const list = this.byFirstChar.get(e.text[0]) ?? [];
      list.push(e);
      this.byFirstChar.set(e.text[0], list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.text.length - a.text.length);
  }

  *matches(text: string): Generator<{ entry: T; index: number }> {
    let i = 0;
    while (i < text.length) {
      const entry = this.byFirstChar.get(text[i])?.find((e) => text.startsWith(e.text, i));
      if (!entry) {
        i++;
        continue;
      }
      yield { entry, index: i };
      i += entry.text.length;
    }
  }
}
