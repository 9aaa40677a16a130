import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/index.ts';

const FQR = join(import.meta.dirname, '../../../frameworks/fqr-canada');

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, stdout, stderr };
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('bridgework validate', () => {
  it('prints the counts of the curated framework and exits 0', async () => {
    const io = capture();
    expect(await main(['validate', FQR], io)).toBe(0);
    const text = io.stdout.join('\n');
    const count = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(text)![1]);
    expect(count('occupations')).toBeGreaterThanOrEqual(60);
    expect(count('competencies')).toBeGreaterThanOrEqual(150);
    expect(text).toMatch(/valid \(fqr-canada /);
  });

  it('prints every error of a broken copy with file and line, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bw-validate-'));
    dirs.push(dir);
    await cp(FQR, dir, { recursive: true });
    const file = join(dir, 'requirements.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const target = lines.findIndex((l) => /^ {6}- \{ competency: .*level: /.test(l));
    lines[target] = lines[target]!.replace(/level: [0-9.]+/, 'level: 1.4');
    const other = lines.findIndex((l, i) => i > target + 5 && /^ {6}- \{ competency: /.test(l));
    lines[other] = lines[other]!.replace(/competency: [a-z0-9-]+/, 'competency: no-such-competency');
    await writeFile(file, lines.join('\n'));

    const io = capture();
    expect(await main(['validate', dir], io)).toBe(1);
    const err = io.stderr.join('\n');
    expect(err).toContain(`${file}:${target + 1}: level must be between 0 and 1, got 1.4`);
    // Schema errors come first; a fixed schema would then show the reference error.
    lines[target] = lines[target]!.replace('level: 1.4', 'level: 0.5');
    await writeFile(file, lines.join('\n'));
    const io2 = capture();
    expect(await main(['validate', dir], io2)).toBe(1);
    expect(io2.stderr.join('\n')).toContain(`${file}:${other + 1}: unknown competency "no-such-competency"`);
  });

  it('exits 2 on a usage mistake', async () => {
    const io = capture();
    expect(await main(['validate'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('validate takes one argument: the framework folder');
  });
});

describe('bridgework usage errors', () => {
  it('reports an unknown flag as a usage error with exit code 2', async () => {
    const io = capture();
    expect(await main(['eval', '--nope'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/^error: Unknown option '--nope'/);
  });
});
