// Reads the official NOC 2021 structure CSV (`Level`, `Hierarchical structure`, `Code - NOC 2021
// V1.0`, `Class title`, `Class definition`): every class of every level, checked so that the codes
// really form the hierarchy the level column claims.
import { sourceError } from '../source-error.ts';
import { openTable } from '../text/table-reader.ts';
import { NOC_LEVEL_NAMES, type NocClass, type NocLevel } from './noc-classes.ts';

export interface NocStructure {
  classes: NocClass[];
  rowsRead: number;
}

export interface ReadStructureOptions {
  onBytes?: (bytesRead: number) => void;
}

interface Located {
  line: number;
  column: number;
}

/**
 * O(rows). Codes stay strings (leading zeros matter: `00010`). A row is rejected with
 * file:line:column when its level is not 1-5, its structure name or code length disagrees with the
 * level, a unit group's TEER digit is not 0-5, a code repeats, or its parent (the code one digit
 * shorter) is not in the file.
 */
export async function readNocStructure(path: string, options: ReadStructureOptions = {}): Promise<NocStructure> {
  const table = await openTable(path, { delimiter: ',', quote: '"', onBytes: options.onBytes });
  const file = table.file;
  const levelColumn = table.column('Level');
  const structureColumn = table.column('Hierarchical structure');
  const codeColumn = table.column('Code - NOC 2021 V1.0', 'Code');
  const titleColumn = table.column('Class title');
  const definitionColumn = table.column('Class definition');

  const classes: NocClass[] = [];
  const seen = new Map<string, Located>();
  let rowsRead = 0;

  for await (const row of table.rows()) {
    rowsRead++;
    const at = (column: number) => ({ file, line: row.line, column: row.columnOf(column) });

    const levelText = row.get(levelColumn).trim();
    if (!/^[1-5]$/.test(levelText)) {
      throw sourceError(at(levelColumn), `expected a level 1-5, found ${quoted(levelText)}`);
    }
    const level = Number(levelText) as NocLevel;
    const levelName = NOC_LEVEL_NAMES[level];

    const structure = row.get(structureColumn).replace(/\s+/g, ' ').trim();
    if (structure.toLowerCase() !== levelName.toLowerCase()) {
      throw sourceError(at(structureColumn), `expected "${levelName}" for level ${level}, found ${quoted(structure)}`);
    }

    const code = row.get(codeColumn).trim();
    if (!/^\d+$/.test(code) || code.length !== level) {
      throw sourceError(at(codeColumn), `expected a ${level}-digit code for level ${level} (${levelName}), found ${quoted(code)}`);
    }
    if (level === 5 && Number(code.charAt(1)) > 5) {
      throw sourceError(at(codeColumn), `expected a TEER digit 0-5 as the second digit of unit group ${code}, found "${code.charAt(1)}"`);
    }
    const first = seen.get(code);
    if (first) throw sourceError(at(codeColumn), `code ${code} is already defined at line ${first.line}`);
    seen.set(code, { line: row.line, column: row.columnOf(codeColumn) });

    const title = row.get(titleColumn).replace(/\s+/g, ' ').trim();
    if (title === '') throw sourceError(at(titleColumn), 'expected a class title, found an empty field');
    const definition = row.get(definitionColumn).replace(/\s+/g, ' ').trim();
    classes.push(definition === '' ? { level, code, title } : { level, code, title, definition });
  }

  // Parents are checked after the whole file so that row order does not matter; the error points
  // at the child, which is the row that names a parent that is not there.
  for (const nocClass of classes) {
    if (nocClass.level === 1) continue;
    const parent = nocClass.code.slice(0, -1);
    if (!seen.has(parent)) {
      const where = seen.get(nocClass.code)!;
      const parentName = NOC_LEVEL_NAMES[(nocClass.level - 1) as NocLevel];
      throw sourceError(
        { file, ...where },
        `unknown parent ${parent} of ${nocClass.code} (expected a ${parentName} row with code ${parent})`,
      );
    }
  }
  return { classes, rowsRead };
}

function quoted(value: string): string {
  return value === '' ? 'an empty field' : JSON.stringify(value);
}
