export { importNative } from './load-native.ts';
export { FrameworkFile, CompetenciesFile, OccupationsFile, RequirementsFile, RelationsFile, NATIVE_FILES } from './files.ts';
export { writeNative, type WriteNativeOptions } from './write-native.ts';
export { REQUIREMENTS_CSV, readRequirementsCsv, requirementsCsvText } from './requirements-csv.ts';
