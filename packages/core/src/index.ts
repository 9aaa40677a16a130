// @bridgework/core: the pure domain. Schemas, the framework graph, lookups, the compiled index
// and scoring. No file system, no database, no HTTP.
export * from './schema/index.ts';
export { BridgeworkError, isBridgeworkError, type BridgeworkErrorCode, type ErrorDetail } from './errors.ts';
export { checkFramework, type CheckOptions, type FrameworkIssue } from './check-framework.ts';
export { parseFramework, safeParseFramework, zodIssues, describeZodIssue, type ParseFrameworkResult } from './parse-framework.ts';
export { foldText, tokens } from './normalize-text.ts';
export { codePointLength, findLoneSurrogate, isWellFormedText, type LoneSurrogate } from './unicode-text.ts';
export { OccupationLookup, type TitleMatch } from './occupation-lookup.ts';
export {
  buildFrameworkGraph,
  occupationNode,
  competencyNode,
  groupNode,
  type FrameworkGraph,
  type NodeAttributes,
  type EdgeAttributes,
} from './framework-graph.ts';
export * from './scoring/index.ts';
export { generateFramework, seededRandom, type GenerateOptions } from './generate-framework.ts';
