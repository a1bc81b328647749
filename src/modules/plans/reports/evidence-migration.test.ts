/** Documents filed before evidence was stored in chunks are still there, byte for byte, after the migration. */
import { Migrator, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { migrations } from '../../../../migrations/index.js';
import { openDatabase } from '../../../core/db/database.js';

it('keeps every document filed before the chunked storage, served whole from its chunks', async () => {
  const database = await openDatabase({});
  const { db } = database;
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('20261129_1100_instrument_text_language')).error).toBeUndefined();
    const content = randomBytes(600 * 1024 + 7);
    // The plan the file belongs to is beside the point here: foreign keys are not checked for this insert.
    await sql`set session_replication_role = replica`.execute(db);
    await sql`insert into plan_files (plan_id, original_name, media_type, size_bytes, sha256, content) values (1, 'old.pdf', 'application/pdf', ${content.length}, 'x', ${content})`.execute(
      db,
    );
    await sql`set session_replication_role = origin`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const chunks = await db
      .selectFrom('plan_file_chunks')
      .innerJoin('plan_files', 'plan_files.id', 'plan_file_chunks.file_id')
      .select(['plan_file_chunks.position', 'plan_file_chunks.content', 'plan_files.pending_since'])
      .orderBy('position')
      .execute();
    expect(chunks.map((chunk) => chunk.content.length)).toEqual([262144, 262144, 90119]);
    expect(Buffer.concat(chunks.map((chunk) => chunk.content)).equals(content)).toBe(true);
    expect(chunks.every((chunk) => chunk.pending_since === null)).toBe(true);
  } finally {
    await database.close();
  }
});
