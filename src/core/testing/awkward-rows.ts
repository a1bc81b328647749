/**
 * Rows that test a copy of the database where it is easy to get wrong: binary evidence files (every byte value, and
 * one of several megabytes), text with quotes, backslashes, line breaks, control characters and emoji, arrays of
 * awkward elements, a numeric and a JSON number beyond JavaScript's precision, microsecond timestamps at an odd
 * offset, and a large text row. Added on top of the demo (seedDemo).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { evidenceChunkBytes } from '../../modules/plans/service.js';
import type { Db, Tx } from '../db/database.js';

export const awkwardText = `"Quoted" and 'single' \\ back\\slash\r\nnew line\ttab \u0001\u0007\u001f control, emoji 🇪🇪 👩🏽‍💻 and ∑ ≠ ½`;

/** An evidence file of a plan stored as filing stores it (plans/reports/service.ts): a row and its chunks, linked. */
export async function storeEvidenceFile(db: Db | Tx, planId: number, name: string, content: Buffer): Promise<void> {
  const file = await sql<{ id: number }>`insert into plan_files (plan_id, original_name, media_type, size_bytes, sha256)
    values (${planId}, ${name}, 'application/pdf', ${content.length}, ${createHash('sha256').update(content).digest('hex')}) returning id`.execute(db);
  for (let position = 0; position * evidenceChunkBytes < content.length; position += 1) {
    await sql`insert into plan_file_chunks (file_id, position, content)
      values (${file.rows[0]?.id}, ${position}, ${content.subarray(position * evidenceChunkBytes, (position + 1) * evidenceChunkBytes)})`.execute(db);
  }
}

export async function addAwkwardRows(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`select id from plans order by id limit 1`.execute(trx);
    const planId = rows[0]?.id;
    if (planId === undefined) throw new Error('addAwkwardRows needs the demo loaded first');
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    const large = randomBytes(3 * 1024 * 1024);
    for (const [name, content] of [
      [`${awkwardText}.pdf`, everyByte],
      ['large "scan".pdf', large],
    ] as const) {
      await storeEvidenceFile(trx, planId, name, content);
    }
    await sql`update practices set title = ${awkwardText.slice(0, 80)}, summary = ${awkwardText},
        keywords = ${['{brace}', 'comma, inside', '"quote"', 'NULL', 'back\\slash', '']}::text[],
        resources_eur = 123456789012.34, translations = ${JSON.stringify({ it: { title: awkwardText, summary: 'È così' } })}::jsonb
      where id = (select min(id) from practices)`.execute(trx);
    await sql`insert into audit_events (occurred_at, actor_label, action, entity_type, entity_id, after)
      values ('2026-01-02 03:04:05.123456+05:30', ${awkwardText}, 'test.awkward', 'test', '1',
        '{"big": 12345678901234567890, "fraction": 0.1, "tiny": 1e-300, "text": "line\\nbreak \\u0001"}'::jsonb)`.execute(trx);
    await sql`insert into emails (kind, to_address, subject, body_text) values ('test', 'large@example.org', ${awkwardText}, ${awkwardText.repeat(20_000)})`.execute(
      trx,
    );
  });
}
