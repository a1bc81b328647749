/**
 * Evidence files are stored as chunks of 256 KiB, each written by its own statement, instead of one bytea value:
 * on the embedded database one statement blocks the whole process while it runs, and a 25 MB insert froze every other
 * page for seconds. A file is first stored as pending (`pending_since` set) and linked to its report by the short
 * filing transaction; pending files left behind by an interrupted upload are removed by the worker. The quota of
 * evidence per partner sums `size_bytes` over the partner's plans, hence the index by plan.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table plan_file_chunks (
    file_id integer not null references plan_files (id) on delete cascade,
    position integer not null check (position >= 0),
    content bytea not null,
    primary key (file_id, position)
  )`,
  `insert into plan_file_chunks (file_id, position, content)
    select f.id, chunk.position, substring(f.content from chunk.position * 262144 + 1 for 262144)
    from plan_files f, generate_series(0, (length(f.content) - 1) / 262144) as chunk (position)`,
  `alter table plan_files drop column content`,
  `alter table plan_files add column pending_since timestamptz`,
  `create index plan_files_pending on plan_files (pending_since) where pending_since is not null`,
  `create index plan_files_by_plan on plan_files (plan_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
