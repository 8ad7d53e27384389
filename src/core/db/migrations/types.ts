export interface Migration {
  /** Applied in ascending order; never reuse or edit a shipped one. */
  version: number;
  name: string;
  sql: string;
}
