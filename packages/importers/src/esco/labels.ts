// Text cleanup shared by the ESCO and Tabiya readers: ESCO labels carry stray spaces, lists
// are one label per line inside a quoted field, and notes may hold RDFa links.
import { REGULATED_URI, UNREGULATED_URI } from './vocabulary.ts';

/** Trimmed text, or undefined when nothing is left (the core schemas reject empty strings). */
export function cleanText(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

/**
 * A multi-line list field -> its labels: one per line, trimmed, blank lines and repeats
 * dropped, and without `exclude` (the preferred label, which ESCO repeats among the
 * alternatives). Returns undefined for an empty list so the field can be left out.
 */
export function splitLabels(value: string, exclude?: string): string[] | undefined {
  if (value.trim() === '') return undefined;
  const labels: string[] = [];
  const seen = new Set<string>(exclude === undefined ? [] : [exclude]);
  for (const line of value.split('\n')) {
    const label = line.trim();
    if (label === '' || seen.has(label)) continue;
    seen.add(label);
    labels.push(label);
  }
  return labels.length > 0 ? labels : undefined;
}

/** ESCO scope notes embed RDFa links (`<a href=...>label</a>`): keep the words, drop the markup. */
export function plainText(value: string): string | undefined {
  return cleanText(value.replace(/<[^>]*>/g, '').replace(/[ \t]*\n[ \t]*/g, '\n'));
}

export const REGULATED_NOTE =
  'Regulated profession in at least one EU/EEA country (ESCO): check the EU Regulated Professions Database before practising.';

/**
 * An occupation's notes: the regulated-profession note first (ESCO's URI becomes a sentence;
 * older releases' prose is kept as written; "unregulated" says nothing worth a note), then
 * the scope note ("Includes...", "Excludes...").
 */
export function occupationNotes(regulatedNote: string, scopeNote: string): string | undefined {
  const parts: string[] = [];
  const regulated = regulatedNote.trim();
  if (regulated === REGULATED_URI) parts.push(REGULATED_NOTE);
  else if (regulated !== '' && regulated !== UNREGULATED_URI) parts.push(plainText(regulated) ?? regulated);
  const scope = plainText(scopeNote);
  if (scope !== undefined) parts.push(`Scope: ${scope}`);
  return parts.length > 0 ? parts.join('\n') : undefined;
}
