// The boundary for a whole framework: schema first, then the cross-record rules.
import { z } from 'zod';
import { checkFramework, type CheckOptions, type FrameworkIssue } from './check-framework.ts';
import { BridgeworkError } from './errors.ts';
import { FrameworkData } from './schema/framework-data.ts';

export type ParseFrameworkResult =
  | { ok: true; data: FrameworkData }
  | { ok: false; issues: FrameworkIssue[] };

/** Schema issues, or if none, referential issues. Never throws for bad input. */
export function safeParseFramework(input: unknown, options: CheckOptions = {}): ParseFrameworkResult {
  const parsed = FrameworkData.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const issues = checkFramework(parsed.data, options);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: parsed.data };
}

/** Like safeParseFramework, but throws framework.invalid listing every issue. */
export function parseFramework(input: unknown, options: CheckOptions = {}): FrameworkData {
  const result = safeParseFramework(input, options);
  if (result.ok) return result.data;
  throw new BridgeworkError(
    'framework.invalid',
    `framework is invalid: ${result.issues.length} issue(s); first: ${formatIssue(result.issues[0]!)}`,
    result.issues.map((issue) => ({ where: issue.path.join('.'), message: issue.message })),
  );
}

export function zodIssues(error: z.ZodError): FrameworkIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: describeZodIssue(issue),
  }));
}

/**
 * Zod's messages, reworded where they would not tell a data author what to do. Parse with
 * `{ reportInput: true }` so that a wrong value can be told apart from a missing one.
 */
export function describeZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      if (issue.input === undefined) return `is required (one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function formatIssue(issue: FrameworkIssue): string {
  return `${issue.path.join('.')}: ${issue.message}`;
}
