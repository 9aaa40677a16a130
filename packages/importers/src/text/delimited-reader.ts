// Streaming reader for CSV (RFC 4180 quoting, fields spanning lines) and tab-separated files
// (no quoting, as in the O*NET text release). Reads the file in chunks, never as one string;
// strips a UTF-8 BOM; reports the line and column where each record and field starts.
import { createReadStream } from 'node:fs';
import { sourceError } from '../source-error.ts';

export interface DelimitedOptions {
  delimiter: ',' | '\t' | ';';
  /** `"` for CSV; null where quotes are ordinary characters (O*NET tab-separated text). */
  quote: '"' | null;
  /** Name shown in errors; defaults to the path. */
  displayName?: string;
  /** Called with bytes read so far, for progress bars. */
  onBytes?: (bytesRead: number) => void;
}

export interface DelimitedRecord {
  /** Physical line where the record starts (1-based). */
  line: number;
  fields: string[];
  /** Column (1-based, in characters) where each field starts, on the line where it starts. */
  columns: number[];
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Yields records one by one. O(bytes). Strict where structure is ambiguous: an unterminated
 * quoted field, or text after a closing quote, is an error with file:line:column.
 */
export async function* readDelimited(path: string, options: DelimitedOptions): AsyncGenerator<DelimitedRecord> {
  const file = options.displayName ?? path;
  const delimiter = options.delimiter.charCodeAt(0);
  const quoting = options.quote !== null;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });

  let line = 1; // current physical line
  let column = 1; // current column on that line
  let recordLine = 1;
  let fields: string[] = [];
  let columns: number[] = [];
  let field = '';
  let fieldStarted = false; // any character (or delimiter) seen in this record
  let inQuotes = false;
  let quoteLine = 0;
  let quoteColumn = 0;
  let afterQuote = false; // saw a quote inside a quoted field: an escaped quote or the closing one
  let closed = false; // the current field was quoted and has closed
  let pendingCR = false;
  let first = true;
  let bytes = 0;

  const startField = () => {
    columns.push(column);
  };

  for await (const chunk of stream as AsyncIterable<string>) {
    let text = chunk;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    bytes += Buffer.byteLength(chunk, 'utf8');
    options.onBytes?.(bytes);

    const n = text.length;
    let runStart = -1; // start of a run of ordinary characters to append in one slice
    const flush = (end: number) => {
      if (runStart >= 0) {
        field += text.slice(runStart, end);
        runStart = -1;
      }
    };

    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);

      if (pendingCR) {
        pendingCR = false;
        if (ch === LF) continue; // CRLF already ended the record
      }

      if (inQuotes) {
        if (afterQuote) {
          afterQuote = false;
          if (ch === QUOTE) {
            field += '"';
            column++;
            continue;
          }
          inQuotes = false; // the previous quote closed the field; fall through
          closed = true;
        } else if (ch === QUOTE) {
          flush(i);
          afterQuote = true;
          column++;
          continue;
        } else {
          if (runStart < 0) runStart = i;
          if (ch === LF) {
            line++;
            column = 1;
          } else column++;
          continue;
        }
      }

      if (ch === delimiter) {
        flush(i);
        if (columns.length === fields.length) startField();
        fields.push(field);
        field = '';
        fieldStarted = true;
        column++;
        closed = false;
        continue;
      }
      if (ch === LF || ch === CR) {
        flush(i);
        if (fieldStarted || field !== '' || columns.length > fields.length) {
          if (columns.length === fields.length) startField();
          fields.push(field);
          yield { line: recordLine, fields, columns };
        }
        fields = [];
        columns = [];
        field = '';
        fieldStarted = false;
        closed = false;
        if (ch === CR) pendingCR = true;
        line++;
        column = 1;
        recordLine = line;
        continue;
      }
      if (closed) {
        throw sourceError({ file, line, column }, `expected a delimiter or the end of the line after a closing quote, found ${JSON.stringify(String.fromCharCode(ch))}`);
      }
      if (quoting && ch === QUOTE && field === '' && runStart < 0 && columns.length === fields.length) {
        startField();
        inQuotes = true;
        quoteLine = line;
        quoteColumn = column;
        fieldStarted = true;
        column++;
        continue;
      }
      if (columns.length === fields.length) startField();
      if (runStart < 0) runStart = i;
      fieldStarted = true;
      column++;
    }
    flush(n);
  }

  if (inQuotes && !afterQuote) {
    throw sourceError({ file, line: quoteLine, column: quoteColumn }, 'quoted field is never closed (expected a closing ")');
  }
  if (fieldStarted || field !== '') {
    if (columns.length === fields.length) startField();
    fields.push(field);
    yield { line: recordLine, fields, columns };
  }
}
