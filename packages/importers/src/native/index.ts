export { importNative } from './load-native.ts';
export { FrameworkFile, CompetenciesFile, OccupationsFile, RequirementsFile, RelationsFile, NATIVE_FILES } from './files.ts';
