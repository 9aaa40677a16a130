// A numbered schema change. Applied once, in order, each in its own transaction, and recorded in
// schema_migrations; a released migration is never edited, a new one is added instead.
export interface Migration {
  /** 1, 2, 3...: the order of application and the key in schema_migrations. */
  version: number;
  /** Short kebab-case description, recorded beside the version. */
  name: string;
  sql: string;
}
