// ESCO, the European Commission's classification of occupations and skills, from its official
// CSV download. Shared ESCO helpers (ids, vocabularies, ratings) live beside it for the Tabiya importer.
export { importEsco, ESCO_DEFAULT_ID } from './import-esco.ts';
export { conceptId } from './concept-id.ts';
export { ESCO_IMPORTANCE, ESCO_LEVEL, RELATED_WEIGHT, BROADER_WEIGHT } from './ratings.ts';
