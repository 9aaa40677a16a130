// ESCO in Tabiya's CSV export format (Tabiya Open Taxonomy), mapped as the official ESCO import.
export { importTabiya, TABIYA_DEFAULT_ID } from './import-tabiya.ts';
