// Reads NOC 2021 unit groups packaged as JSON (`{ metadata, nocs: [{ noc_code, title, description,
// teer, hierarchy: { broad_group, major_group, minor_group } }] }`): the unit groups plus the
// groups above them that the packaging repeats on each entry. No sub-major level in this layout.
import { readFile } from 'node:fs/promises';
import { BridgeworkError, describeZodIssue } from '@bridgework/core';
import { z } from 'zod';
import type { NocClass, NocLevel } from './noc-classes.ts';

const Group = z.object({ code: z.string().regex(/^\d+$/, 'must be digits'), title: z.string().trim().min(1) });

const UnitGroupEntry = z.object({
  noc_code: z.string().regex(/^\d{5}$/, 'must be a five-digit NOC 2021 unit group code'),
  title: z.string().trim().min(1),
  description: z.string().optional(),
  teer: z.object({ level: z.int().min(0).max(5) }),
  hierarchy: z.object({ broad_group: Group, major_group: Group, minor_group: Group }),
});

const UnitGroupsFile = z.object({
  metadata: z.object({ version: z.string().optional() }).optional(),
  nocs: z.array(UnitGroupEntry).min(1, 'must list at least one unit group'),
});

export interface NocUnitGroups {
  classes: NocClass[];
  /** The release the packaging names, e.g. "NOC 2021 Version 1.0". */
  release?: string;
  rowsRead: number;
}

const LEVELS = [
  ['broad_group', 1],
  ['major_group', 2],
  ['minor_group', 4],
] as const satisfies readonly (readonly [string, NocLevel])[];

/**
 * The file is small (about 400 kB for all 516 unit groups), so it is parsed whole. Errors name the
 * JSON path (`nocs.12.teer.level`) since a JSON document has no rows: a wrong shape, a TEER that is
 * not the code's second digit, a group code that is not a prefix of the unit group's, one group
 * code with two titles, or a unit group listed twice.
 */
export async function readNocUnitGroups(path: string): Promise<NocUnitGroups> {
  let json: unknown;
  try {
    json = JSON.parse(stripBom(await readFile(path, 'utf8')));
  } catch (error) {
    throw invalid(path, '', `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = UnitGroupsFile.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.filter((p): p is string | number => typeof p !== 'symbol').join('.');
    throw invalid(path, where, describeZodIssue(issue));
  }

  const classes: NocClass[] = [];
  const groups = new Map<string, { title: string; where: string }>();
  const units = new Map<string, number>();
  parsed.data.nocs.forEach((entry, i) => {
    const code = entry.noc_code;
    const first = units.get(code);
    if (first !== undefined) throw invalid(path, `nocs.${i}.noc_code`, `unit group ${code} is already listed at nocs.${first}`);
    units.set(code, i);
    if (entry.teer.level !== Number(code.charAt(1))) {
      throw invalid(path, `nocs.${i}.teer.level`, `expected TEER ${code.charAt(1)} (the second digit of ${code}), found ${entry.teer.level}`);
    }
    for (const [key, level] of LEVELS) {
      const group = entry.hierarchy[key];
      const where = `nocs.${i}.hierarchy.${key}`;
      if (group.code !== code.slice(0, level)) {
        throw invalid(path, `${where}.code`, `expected ${code.slice(0, level)} (the first ${level} digit${level > 1 ? 's' : ''} of ${code}), found "${group.code}"`);
      }
      const known = groups.get(group.code);
      if (known === undefined) {
        groups.set(group.code, { title: group.title, where });
        classes.push({ level, code: group.code, title: group.title });
      } else if (known.title !== group.title) {
        throw invalid(path, `${where}.title`, `group ${group.code} is titled "${known.title}" at ${known.where}, found "${group.title}"`);
      }
    }
    const definition = entry.description?.replace(/\s+/g, ' ').trim();
    classes.push(definition ? { level: 5, code, title: entry.title, definition } : { level: 5, code, title: entry.title });
  });

  const release = parsed.data.metadata?.version;
  return { classes, rowsRead: parsed.data.nocs.length, ...(release ? { release } : {}) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function invalid(path: string, where: string, message: string): BridgeworkError {
  const location = where === '' ? path : `${path}: ${where}`;
  return new BridgeworkError('import.invalid_file', `${location}: ${message}`, [{ where: location, message }]);
}
