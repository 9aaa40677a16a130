// The OaSIS guide file (`Code`, `Name`, `Structure type`, `Category`, `Description`): the descriptor
// taxonomy, Category (F Skills) > Sub-Category (F01) > Similarity Group (F01a) > Descriptor
// (F01a01). Rating files name their columns by descriptor name, not code, so this is where a
// column finds its code, its group and its definition.
import { sourceError } from '../source-error.ts';
import { normalizeHeader, openTable } from '../text/table-reader.ts';

export type StructureType = 'Category' | 'Sub-Category' | 'Similarity Group' | 'Descriptor';

/** Each level's code extends its parent's: F -> F01 -> F01a -> F01a01. */
const CODE_SHAPES: Readonly<Record<StructureType, { pattern: RegExp; example: string }>> = {
  Category: { pattern: /^[A-Z]$/, example: 'F' },
  'Sub-Category': { pattern: /^[A-Z]\d{2}$/, example: 'F01' },
  'Similarity Group': { pattern: /^[A-Z]\d{2}[a-z]$/, example: 'F01a' },
  Descriptor: { pattern: /^[A-Z]\d{2}[a-z]\d{2}$/, example: 'F01a01' },
};

const PARENT_LENGTH: Readonly<Record<StructureType, number>> = { Category: 0, 'Sub-Category': 1, 'Similarity Group': 3, Descriptor: 4 };

export interface GuideEntry {
  code: string;
  name: string;
  type: StructureType;
  /** The family: Skills, Abilities, Knowledge, Work Activities, Personal Attributes... */
  category: string;
  description?: string;
  /** Parent code; absent for a Category. */
  parent?: string;
  line: number;
}

/**
 * Rating-file column names that the 2023 v1.0 guide spells differently (same position, same
 * meaning, renamed between the two publications). Keys and values are compared folded.
 */
const GUIDE_NAME_FOR_COLUMN: Readonly<Record<string, string>> = {
  'business administration': 'business management',
  'client services': 'client service',
  'vehicles and machinery operations': 'vehicle, machinery and equipment operations',
  'estimate quantifiable charact. of prod., events or info.': 'estimating the quantifiable characteristics',
  'evaluating information to determine compliance with standards': 'evaluating information to determine compliance',
  'using new relevant knowledge': 'applying new knowledge',
  'work schedule': 'type of work schedules',
};

export class DescriptorGuide {
  readonly entries: ReadonlyMap<string, GuideEntry>;
  private readonly byName = new Map<string, GuideEntry>();

  constructor(entries: ReadonlyMap<string, GuideEntry>) {
    this.entries = entries;
    for (const entry of entries.values()) {
      if (entry.type === 'Descriptor') this.byName.set(nameKey(entry.category, entry.name), entry);
    }
  }

  /** The descriptor a rating-file column names, within one category; undefined when none matches. */
  descriptor(category: string, column: string): GuideEntry | undefined {
    const folded = normalizeHeader(column);
    return this.byName.get(nameKey(category, folded)) ?? this.byName.get(nameKey(category, GUIDE_NAME_FOR_COLUMN[folded] ?? ''));
  }

  /** The entry and its ancestors, nearest first. */
  lineage(code: string): GuideEntry[] {
    const chain: GuideEntry[] = [];
    for (let entry = this.entries.get(code); entry; entry = entry.parent ? this.entries.get(entry.parent) : undefined) chain.push(entry);
    return chain;
  }

  /** The Category row of a family, by its name. */
  category(name: string): GuideEntry | undefined {
    const key = normalizeHeader(name);
    for (const entry of this.entries.values()) {
      if (entry.type === 'Category' && normalizeHeader(entry.category) === key) return entry;
    }
    return undefined;
  }
}

function nameKey(category: string, name: string): string {
  return `${normalizeHeader(category)}\u0000${normalizeHeader(name)}`;
}

/**
 * One published name has the next code glued on ("Reading and Writing SkillsF.01.b.01"); the
 * dotted code is dropped.
 */
export function cleanGuideName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=[a-z)])[A-Z](?:\.\d{2})(?:\.[a-z](?:\.\d{2})?)?$/, '');
}

/**
 * O(rows). Rejects with file:line:column an unknown structure type, a code whose shape does not
 * fit its type, a code defined twice, an empty name, and an entry whose parent code is not in the
 * file (checked after the whole file, so order does not matter).
 */
export async function readDescriptorGuide(path: string, onBytes?: (bytes: number) => void): Promise<{ guide: DescriptorGuide; rowsRead: number }> {
  const table = await openTable(path, { delimiter: ',', quote: '"', onBytes });
  const file = table.file;
  const codeColumn = table.column('Code');
  const nameColumn = table.column('Name');
  const typeColumn = table.column('Structure type');
  const categoryColumn = table.column('Category');
  const descriptionColumn = table.column('Description');

  const entries = new Map<string, GuideEntry>();
  const codeColumns = new Map<string, number>();
  let rowsRead = 0;
  for await (const row of table.rows()) {
    rowsRead++;
    const at = (column: number) => ({ file, line: row.line, column: row.columnOf(column) });
    const typeText = row.get(typeColumn).replace(/\s+/g, ' ').trim();
    const type = (Object.keys(CODE_SHAPES) as StructureType[]).find((t) => t.toLowerCase() === typeText.toLowerCase());
    if (type === undefined) {
      throw sourceError(at(typeColumn), `expected a structure type (${Object.keys(CODE_SHAPES).join(', ')}), found ${JSON.stringify(typeText)}`);
    }
    const code = row.get(codeColumn).trim();
    const shape = CODE_SHAPES[type];
    if (!shape.pattern.test(code)) {
      throw sourceError(at(codeColumn), `expected a code like ${shape.example} for a ${type}, found ${JSON.stringify(code)}`);
    }
    const first = entries.get(code);
    if (first) throw sourceError(at(codeColumn), `code ${code} is already defined at line ${first.line}`);
    const name = cleanGuideName(row.get(nameColumn));
    if (name === '') throw sourceError(at(nameColumn), 'expected a name, found an empty field');
    const description = row.get(descriptionColumn).replace(/\s+/g, ' ').trim();
    const parentLength = PARENT_LENGTH[type];
    entries.set(code, {
      code,
      name,
      type,
      category: row.get(categoryColumn).replace(/\s+/g, ' ').trim(),
      ...(description ? { description } : {}),
      ...(parentLength > 0 ? { parent: code.slice(0, parentLength) } : {}),
      line: row.line,
    });
    codeColumns.set(code, row.columnOf(codeColumn));
  }
  for (const entry of entries.values()) {
    if (entry.parent !== undefined && !entries.has(entry.parent)) {
      throw sourceError({ file, line: entry.line, column: codeColumns.get(entry.code)! }, `unknown parent ${entry.parent} of ${entry.code}`);
    }
  }
  return { guide: new DescriptorGuide(entries), rowsRead };
}
