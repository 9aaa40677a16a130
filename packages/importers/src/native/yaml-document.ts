// A parsed YAML file that can say on which line any path into it sits, so schema and
// reference errors point at the line a data author has to change.
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlFile {
  file: string;
  value: unknown;
  /** Syntax errors, each with its line. */
  errors: { line: number; message: string }[];
  /** The line of the deepest node that exists along `path` (a missing field points at its parent). */
  lineOf(path: readonly (string | number)[]): number;
}

export async function readYamlFile(file: string): Promise<YamlFile> {
  const text = await readFile(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const errors = [...doc.errors, ...doc.warnings].map((e) => ({
    line: lineAt(e.pos[0]),
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  return {
    file,
    value: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 }),
    errors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = node && hasRange(node) ? lineAt(node.range[0]) : 1;
      for (const key of path) {
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
          // Point at the key's line: for a nested block the value starts a line later.
          if (pair && hasRange(pair.key)) line = lineAt(pair.key.range[0]);
          next = pair?.value;
        } else if (isSeq(node) && typeof key === 'number') {
          next = node.items[key];
          if (next && hasRange(next)) line = lineAt(next.range[0]);
        } else break;
        if (next === undefined || next === null) break;
        node = next;
      }
      return line;
    },
  };
}

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}
