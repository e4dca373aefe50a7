import type { SourceSpan } from './document';
import type { NormalisedText } from './normalise';
import { lineAt } from './normalise';

/** Builds the provenance of a node from its offsets; the quote is cut from the text itself. */
export function sourceSpan(norm: NormalisedText, planId: string, path: string, start: number, end: number): SourceSpan {
  return {
    planId,
    path,
    start,
    end,
    line: lineAt(norm, start),
    endLine: lineAt(norm, Math.max(start, end - 1)),
    quote: norm.text.slice(start, end),
  };
}
