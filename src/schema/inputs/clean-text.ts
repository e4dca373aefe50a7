/**
 * Free text from clients that is shown to others (reporter names, notes): control characters and
 * bidirectional overrides are removed, because they can hide or reorder what an auditor reads
 * (U+202E turns "gnp.exe" around). Line breaks are kept only where `multiline`.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const CONTROL_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string, multiline = false): string {
  return text.replace(multiline ? CONTROL : CONTROL_AND_BREAKS, '').replace(BIDI, '').trim();
}
