// SQL pieces the PostgreSQL driver's modules share.

/** A timestamptz column as the model's ISO 8601 string, in UTC with milliseconds. */
export const iso = (column: string, as = column): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${as}`;

/** The channel every store of a database listens on; the payload is the schema that changed. */
export const FRAMEWORKS_CHANGED = 'bridgework_frameworks_changed';

/** Notifies, at commit, every instance listening that framework versions changed. */
export const NOTIFY_CHANGED = `SELECT pg_notify('${FRAMEWORKS_CHANGED}', current_schema())`;
