/**
 * One schema migration: applied once, in version order, and recorded in schema_migrations. `foreignKeysOff` (SQLite)
 * runs it with foreign key enforcement off, as rebuilding a referenced table needs, and checks the keys before commit.
 */
export interface Migration { version: number; name: string; sql: string; foreignKeysOff?: boolean }
