// Folding for search: case- and accent-insensitive in English and French, punctuation ignored,
// so "Médecin", "medecin" and "MÉDECIN" meet, and "foreign-trained" matches "foreign trained".

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(NON_WORD, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}
