import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ranking } from '@bridgework/core';
import { main, type Io } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'bw-rank-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rankJson(args: string[]): Promise<Ranking> {
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: () => {}, isTty: false };
  expect(await main(['rank', '--db', join(dir, 'b.db'), '--json', ...args], io)).toBe(0);
  return JSON.parse(out.join('\n')) as Ranking;
}

describe('bridgework rank --internationally-educated', () => {
  it('shows the Canadian-context competencies as the gap to licensure', async () => {
    const here = await rankJson(['--from', 'physician', '--top', '1']);
    const abroad = await rankJson(['--from', 'physician', '--top', '1', '--internationally-educated']);
    expect(here.source[0]!.gap).toBe(0);
    expect(abroad.source[0]!.gap).toBeGreaterThan(0);
    const missing = abroad.source[0]!.explanation.gaps.map((g) => g.competency.id);
    expect(missing).toEqual(expect.arrayContaining(['canadian-health-system']));
  });
});
