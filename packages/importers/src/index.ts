// @bridgework/importers: framework files in their published formats -> the core model.
export { readDelimited, type DelimitedOptions, type DelimitedRecord } from './text/delimited-reader.ts';
export { sourceError, sourceErrors, formatPosition, type SourcePosition } from './source-error.ts';
export { openTable, normalizeHeader, type Table, type TableRow } from './text/table-reader.ts';
export type { ImportOptions, ImportProgress, ImportResult, Importer } from './import-result.ts';
export { importNative, NATIVE_FILES, requirementsCsvText, writeNative, type WriteNativeOptions } from './native/index.ts';
export { importFramework, isImportKind, IMPORT_KINDS, type ImportKind } from './registry.ts';
export { readCrosswalk } from './crosswalk/index.ts';
