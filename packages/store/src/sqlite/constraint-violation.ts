// SQLite's constraint errors (CHECK, NOT NULL, UNIQUE, type) carry codes starting SQLITE_CONSTRAINT.
export function isConstraintViolation(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
