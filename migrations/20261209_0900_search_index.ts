/**
 * What search ranks (issue #15): one row per searchable record — its weighted, stemmed search vector and the plain
 * words it is written with — kept by triggers on the records' own tables, so every way of writing (forms, imports,
 * the command line, SQL) keeps it right. Each node ranks from an in-memory index it keeps in step with this table
 * (core/search/search-index.ts): a row's `revision` is the data version of the transaction that wrote it, and since
 * writing transactions commit in data-version order (20261208_0800_data_version.ts), "every row above the version I
 * last read" never misses a commit. A removed record leaves a row marked removed, so other nodes learn of it.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table search_documents (
    kind text not null,
    record_id integer not null,
    revision bigint not null,
    vector tsvector not null,
    words tsvector not null,
    removed boolean not null default false,
    primary key (kind, record_id)
  )`,
  `create index search_documents_by_revision on search_documents (revision)`,
  `select better_track_data_changes('search_documents')`,
  // A row's revision is the data version its transaction raised: set by a trigger that fires after the one raising it
  // (triggers of the same kind fire in the order of their names: better_data_changed, then search_documents_revision).
  `create function search_documents_revision() returns trigger language plpgsql as $$
    begin
      new.revision := (select version from data_version);
      return new;
    end
  $$`,
  `create trigger search_documents_revision before insert or update on search_documents
    for each row execute function search_documents_revision()`,

  `create function search_document_put(kind text, record_id integer, vector tsvector, words text) returns void language sql as $$
    insert into search_documents (kind, record_id, revision, vector, words, removed)
    values (kind, record_id, 0, vector, strip(to_tsvector('simple', words)), false)
    on conflict on constraint search_documents_pkey do update set vector = excluded.vector, words = excluded.words, removed = false
  $$`,
  `create function search_document_remove(kind text, record_id integer) returns void language sql as $$
    update search_documents set vector = ''::tsvector, words = ''::tsvector, removed = true
    where search_documents.kind = search_document_remove.kind and search_documents.record_id = search_document_remove.record_id
  $$`,

  // Practices: the search vector the practices table already keeps (title A; summary, keywords, translations B;
  // objective and description C; practical details D), and the words people type, for typo suggestions.
  `create function practice_search_words(p practices) returns text language sql stable as $$
    select concat_ws(' ', p.title, p.summary, array_to_string(p.keywords, ' '), p.objective, p.description,
      (select string_agg(concat_ws(' ', t.value ->> 'title', t.value ->> 'summary'), ' ') from jsonb_each(p.translations) as t))
  $$`,
  `create function practices_search_document() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform search_document_remove('practice', old.id);
        return old;
      end if;
      perform search_document_put('practice', new.id, new.search_vector, practice_search_words(new));
      return new;
    end
  $$`,
  `create trigger practices_search_document_written after insert on practices
    for each row execute function practices_search_document()`,
  `create trigger practices_search_document_changed after update on practices
    for each row when (old.search_vector is distinct from new.search_vector) execute function practices_search_document()`,
  `create trigger practices_search_document_removed after delete on practices
    for each row execute function practices_search_document()`,
  `insert into search_documents (kind, record_id, revision, vector, words)
    select 'practice', p.id, 0, p.search_vector, strip(to_tsvector('simple', practice_search_words(p))) from practices p`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
