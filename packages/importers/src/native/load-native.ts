// Reads a framework folder in the native format: every file is parsed, validated against its
// schema, assembled, then checked across files. All errors are reported at once, each as
// `file:line: message`, so a data author can fix a whole batch in one pass.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BridgeworkError,
  checkFramework,
  describeZodIssue,
  type FrameworkData,
  type FrameworkIssue,
} from '@bridgework/core';
import type { z } from 'zod';
import type { ImportOptions, ImportResult } from '../import-result.ts';
import { NATIVE_FILES } from './files.ts';
import { readRequirementsCsv, REQUIREMENTS_CSV, type RequirementsCsv } from './requirements-csv.ts';
import { readYamlFile, type YamlFile } from './yaml-document.ts';

interface NativeError {
  file: string;
  line: number;
  message: string;
}

/** Where an item of FrameworkData came from: a file and a path into it. */
interface Origin {
  file: YamlFile;
  path: (string | number)[];
  /** Field-specific paths where a field lives elsewhere (a requirement's occupation). */
  fields?: Record<string, (string | number)[]>;
}

type FileKey = keyof typeof NATIVE_FILES;
type Parsed = { [K in FileKey]: z.infer<(typeof NATIVE_FILES)[K]['schema']> };

export async function importNative(dir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const errors: NativeError[] = [];
  const files: Partial<Record<FileKey, YamlFile>> = {};
  const parsed: Partial<Parsed> = {};
  const rowsRead: Record<string, number> = {};
  // A generated framework may hold its requirements as requirements.csv instead (FORMAT.md).
  const csvFile = join(dir, REQUIREMENTS_CSV);
  let csv: RequirementsCsv | undefined;
  if (await exists(csvFile)) {
    if (await exists(join(dir, NATIVE_FILES.requirements.name))) {
      errors.push({ file: csvFile, line: 0, message: `both ${NATIVE_FILES.requirements.name} and ${REQUIREMENTS_CSV}: keep one` });
    }
    options.onProgress?.({ phase: REQUIREMENTS_CSV, done: 0 });
    csv = await readRequirementsCsv(csvFile);
    for (const e of csv.errors) errors.push({ file: csvFile, ...e });
  }

  for (const key of Object.keys(NATIVE_FILES) as FileKey[]) {
    const spec = NATIVE_FILES[key];
    const file = join(dir, spec.name);
    if (key === 'requirements' && csv !== undefined) continue;
    options.onProgress?.({ phase: spec.name, done: 0 });
    if (!(await exists(file))) {
      if (spec.required) errors.push({ file, line: 0, message: `missing required file ${spec.name}${key === 'requirements' ? ` (or ${REQUIREMENTS_CSV})` : ''}` });
      continue;
    }
    const yaml = await readYamlFile(file);
    files[key] = yaml;
    if (yaml.errors.length > 0) {
      for (const e of yaml.errors) errors.push({ file, line: e.line, message: e.message });
      continue;
    }
    const result = spec.schema.safeParse(yaml.value ?? {}, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        errors.push({ file, line: yaml.lineOf(path), message: withField(path, describeZodIssue(issue)) });
      }
      continue;
    }
    (parsed as Record<FileKey, unknown>)[key] = result.data;
  }

  if (errors.length === 0) {
    const { data, origins } = assemble(parsed as Parsed, files as Record<FileKey, YamlFile>, options, csv && { file: csvFile, ...csv });
    for (const issue of checkFramework(data)) errors.push(locate(issue, origins, dir));
    if (errors.length === 0) {
      rowsRead['occupations.yaml'] = data.occupations.length;
      rowsRead['competencies.yaml'] = data.competencies.length + data.competencyGroups.length;
      rowsRead[csv ? REQUIREMENTS_CSV : 'requirements.yaml'] = data.requirements.length;
      rowsRead['relations.yaml'] = data.relations.length + data.occupationLinks.length;
      return { data, warnings: [], rowsRead };
    }
  }
  throw invalidFramework(dir, errors);
}

function assemble(parsed: Parsed, files: Record<FileKey, YamlFile>, options: ImportOptions, csv?: RequirementsCsv & { file: string }) {
  const origins: Record<string, Origin[]> = {
    occupations: parsed.occupations.occupations.map((_, i) => ({ file: files.occupations, path: ['occupations', i] })),
    competencies: parsed.competencies.competencies.map((_, i) => ({ file: files.competencies, path: ['competencies', i] })),
    competencyGroups: parsed.competencies.groups.map((_, i) => ({ file: files.competencies, path: ['groups', i] })),
    requirements: [],
    relations: (parsed.relations?.relations ?? []).map((_, i) => ({ file: files.relations, path: ['relations', i] })),
    occupationLinks: (parsed.relations?.occupationLinks ?? []).map((_, i) => ({ file: files.relations, path: ['occupationLinks', i] })),
  };
  const requirements: FrameworkData['requirements'] = [];
  if (csv) {
    // Rows stand in for YAML paths: the path [k] is the k-th requirement, found on its line.
    const rows: YamlFile = { file: csv.file, value: undefined, errors: [], lineOf: (path) => (typeof path[0] === 'number' ? csv.lines[path[0]] ?? 0 : 0) };
    for (const r of csv.requirements) requirements.push(r);
    csv.requirements.forEach((_, k) => origins.requirements!.push({ file: rows, path: [k], fields: { occupation: [k] } }));
  }
  (parsed.requirements?.requirements ?? []).forEach((block, k) => {
    block.competencies.forEach((requirement, j) => {
      requirements.push({ occupation: block.occupation, ...requirement });
      origins.requirements!.push({
        file: files.requirements,
        path: ['requirements', k, 'competencies', j],
        fields: { occupation: ['requirements', k, 'occupation'] },
      });
    });
  });
  const framework = { ...parsed.framework };
  if (options.id !== undefined) framework.id = options.id;
  if (options.version !== undefined) framework.version = options.version;
  const data: FrameworkData = {
    framework,
    occupations: parsed.occupations.occupations,
    competencyGroups: parsed.competencies.groups,
    competencies: parsed.competencies.competencies,
    requirements,
    relations: parsed.relations?.relations ?? [],
    occupationLinks: parsed.relations?.occupationLinks ?? [],
    crosswalks: [],
  };
  return { data, origins };
}

function locate(issue: FrameworkIssue, origins: Record<string, Origin[]>, dir: string): NativeError {
  const [collection, index, field] = issue.path;
  const origin = typeof collection === 'string' && typeof index === 'number' ? origins[collection]?.[index] : undefined;
  if (!origin) return { file: dir, line: 0, message: issue.message };
  const path = typeof field === 'string' ? origin.fields?.[field] ?? [...origin.path, field] : origin.path;
  return { file: origin.file.file, line: origin.file.lineOf(path), message: issue.message };
}

/** "level must be between 0 and 1": zod's message prefixed with the field it is about. */
function withField(path: (string | number)[], message: string): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `${last} ${message}` : message;
}

function invalidFramework(dir: string, errors: NativeError[]): BridgeworkError {
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const where = (e: NativeError) => (e.line > 0 ? `${e.file}:${e.line}` : e.file);
  const lines = errors.map((e) => `${where(e)}: ${e.message}`);
  return new BridgeworkError(
    'framework.invalid',
    `${dir}: ${errors.length} error(s) in the framework\n${lines.join('\n')}`,
    errors.map((e) => ({ where: where(e), message: e.message })),
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
