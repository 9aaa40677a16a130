// The part of a node-postgres client the driver's modules use: one connection (a pool client),
// so a transaction's statements run on the same session.
import type { QueryResult, QueryResultRow } from 'pg';

export interface Queryable {
  query<R extends QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
