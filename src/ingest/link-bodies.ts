import type { BodyMention, BodyRecord } from './document';
import { LongestMatcher } from './longest-match';

/**
 * Finds the responsible bodies the text itself names (basis `text`). Which body leads a
 * measure beyond what the text says is curated elsewhere and never produced here.
 */

export interface BodyData {
  bodies: (BodyRecord & { aliases: string[] })[];
}

export class BodyLinker {
  private readonly matcher: LongestMatcher<{ text: string; bodyId: string }>;

  constructor(readonly data: BodyData) {
    this.matcher = new LongestMatcher(data.bodies.flatMap((b) => [b.name, ...b.aliases].map((text) => ({ text, bodyId: b.id }))));
  }

  link(text: string, offset: number): BodyMention[] {
    const out: BodyMention[] = [];
    for (const { entry, index, length } of this.matcher.matches(text)) {
      if (out.some((m) => m.bodyId === entry.bodyId)) continue;
      out.push({
        bodyId: entry.bodyId,
        basis: 'text',
        role: 'named',
        quote: text.slice(index, index + length),
        start: offset + index,
        end: offset + index + length,
        rationale: 'the text names this body in the task',
      });
    }
    return out;
  }

  get bodies(): BodyRecord[] {
    return this.data.bodies.map(({ id, name, kind }) => ({ id, name, kind }));
  }
}
