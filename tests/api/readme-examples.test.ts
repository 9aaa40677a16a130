// The curl examples in README.md (between the api-examples markers) work exactly as written:
// each command is run with the real curl binary against a real server started as the README
// says (its keys, the bundled fqr-canada framework), with only the port 8787 replaced.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeys } from '@bridgework/api';
import { BUNDLED_DEFAULT_FRAMEWORK, BUNDLED_IMPORTS } from '@bridgework/service';
import { REPO, startTestServer, type TestServer } from './helpers/server.ts';

const run = promisify(execFile);
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('<!-- api-examples:start -->'), README.indexOf('<!-- api-examples:end -->'));

/** The `curl ...` commands of the section, continuation lines joined. */
function curlCommands(text: string): string[] {
  const commands: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (current === undefined && !trimmed.startsWith('curl ')) continue;
    current = current === undefined ? trimmed : `${current} ${trimmed}`;
    if (current.endsWith('\\')) current = current.slice(0, -1).trimEnd();
    else {
      commands.push(current);
      current = undefined;
    }
  }
  return commands;
}

/** POSIX shell words: single quotes literal, double quotes with backslash escapes, no expansion. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (ch === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unclosed ' in ${command}`);
      word += command.slice(i + 1, close);
      i = close;
      started = true;
    } else if (ch === '"') {
      started = true;
      for (i++; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && '"\\$`'.includes(command[i + 1] ?? '')) i++;
        else if (command[i] === '$' || command[i] === '`') throw new Error(`expansion is not supported in tests: ${command}`);
        word += command[i];
      }
    } else if (ch === '\\') {
      word += command[++i] ?? '';
      started = true;
    } else if (ch === ' ' || ch === '\t') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else if ('$`|&;<>'.includes(ch)) {
      throw new Error(`shell syntax is not supported in tests: ${command}`);
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

let server: TestServer;

beforeAll(async () => {
  // The keys the README starts the server with.
  const keys = /BRIDGEWORK_API_KEYS="([^"]+)"/.exec(section)?.[1];
  // As `pnpm start` does: the catalogue as the default and fqr-canada beside it.
  server = await startTestServer({ host: undefined, defaultFramework: BUNDLED_DEFAULT_FRAMEWORK, imports: BUNDLED_IMPORTS, apiKeys: parseApiKeys(keys) });
});
afterAll(() => server.close());

describe('README curl examples', () => {
  const commands = curlCommands(section);

  it('has examples to run', () => {
    expect(commands.length).toBe(12);
  });

  it.each(commands.map((c) => [c.slice(0, 90), c]))('%s', async (_, command) => {
    const words = shellWords(command.replaceAll(':8787', `:${server.running.port}`));
    expect(words[0]).toBe('curl');
    const { stdout } = await run('curl', [...words.slice(1), '--silent', '--show-error', '--write-out', '\n%{http_code}']);
    const status = Number(stdout.slice(stdout.lastIndexOf('\n') + 1));
    const body = stdout.slice(0, stdout.lastIndexOf('\n'));
    expect(status, body.slice(0, 500)).toBeGreaterThanOrEqual(200);
    expect(status, body.slice(0, 500)).toBeLessThan(300);
    expect(() => JSON.parse(body)).not.toThrow();
  });
});
