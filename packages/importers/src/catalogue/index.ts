// The Canadian catalogue: OaSIS profiles with the curated framework's knowledge (docs/catalogue.md).
export { buildCanadaCatalogue, isContextCompetency, type CatalogueInput, type CatalogueReport } from './canada-catalogue.ts';
