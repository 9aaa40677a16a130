// Rows of the descriptive files (titles, job zones, technology, links) that name an O*NET-SOC
// code missing from Occupation Data. Real copies have them (onet-25's Sample of Reported Titles
// lists 28 codes its Occupation Data lacks): the rows are skipped and one warning per file says
// how many, instead of failing an otherwise good import.
import { formatCount, sampleList, type ImportContext } from './import-context.ts';

export class UnknownCodes {
  private readonly codes = new Set<string>();
  private rows = 0;

  constructor(private readonly file: string) {}

  add(code: string): void {
    this.codes.add(code);
    this.rows++;
  }

  report(context: ImportContext, what = 'rows'): void {
    if (this.rows === 0) return;
    context.warnings.push(
      `${this.file}: skipped ${formatCount(this.rows)} ${what} for ${formatCount(this.codes.size)} O*NET-SOC code(s) not in Occupation Data.txt (${sampleList(this.codes)})`,
    );
  }
}
