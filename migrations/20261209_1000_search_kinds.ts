/**
 * The platform-wide search (issue #15) ranks events, Regional Action Plans and their actions, eGovernment instruments
 * and results indicators as it ranks practices: each kind's records get a row in search_documents, kept by triggers on
 * their own tables and filled once here. Each text is stemmed in the language it is written in (practice_text_config:
 * 'simple' for Estonian), weighted as for practices: the name A, a short text B, the body C, practical details D.
 * A plan is searched by version (record id = plan_versions.id), so the public finds only what endorsed versions say
 * and the programme's staff also what the version being written says; an action, likewise, by version and key, with
 * an integer id given by plan_action_documents (search_documents' record ids are integers, actions' keys are text).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  // ---- events: title A, agenda B, description C, venue D, in the event's text language -------------------------
  `create function event_search_refresh(event_id integer) returns void language plpgsql as $$
    declare
      e record;
      agenda text;
      config regconfig;
    begin
      select * into e from events where id = event_id;
      if not found then
        perform search_document_remove('event', event_id);
        return;
      end if;
      select coalesce(string_agg(a.title, ' ' order by a.position), '') into agenda from event_agenda_items a where a.event_id = e.id;
      config := practice_text_config(e.text_language);
      perform search_document_put('event', e.id,
        setweight(to_tsvector(config, e.title), 'A') || setweight(to_tsvector(config, agenda), 'B')
          || setweight(to_tsvector(config, e.description), 'C') || setweight(to_tsvector(config, e.venue), 'D'),
        concat_ws(' ', e.title, agenda, e.description, e.venue));
    end
  $$`,
  `create function events_search_document() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform search_document_remove('event', old.id);
        return old;
      end if;
      perform event_search_refresh(new.id);
      return new;
    end
  $$`,
  `create trigger events_search_document_written after insert or update of title, description, venue, text_language or delete on events
    for each row execute function events_search_document()`,
  `create function event_agenda_search_document() returns trigger language plpgsql as $$
    begin
      perform event_search_refresh(case when tg_op = 'DELETE' then old.event_id else new.event_id end);
      return null;
    end
  $$`,
  `create trigger event_agenda_items_search_document after insert or update or delete on event_agenda_items
    for each row execute function event_agenda_search_document()`,

  // ---- instruments: name A, description B, public services C, cost and access D ---------------------------------
  `create function instrument_search_refresh(instrument_id integer) returns void language plpgsql as $$
    declare
      i record;
      services text;
      config regconfig;
    begin
      select * into i from instruments where id = instrument_id;
      if not found then
        perform search_document_remove('instrument', instrument_id);
        return;
      end if;
      select coalesce(string_agg(concat_ws(' ', s.name, s.description), ' ' order by s.position), '') into services
        from instrument_services s where s.instrument_id = i.id;
      config := practice_text_config(i.text_language);
      perform search_document_put('instrument', i.id,
        setweight(to_tsvector(config, i.name), 'A') || setweight(to_tsvector(config, i.description), 'B')
          || setweight(to_tsvector(config, services), 'C')
          || setweight(to_tsvector(config, concat_ws(' ', i.cost_description, i.authentication, i.data_reused)), 'D'),
        concat_ws(' ', i.name, i.description, services));
    end
  $$`,
  `create function instruments_search_document() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform search_document_remove('instrument', old.id);
        return old;
      end if;
      perform instrument_search_refresh(new.id);
      return new;
    end
  $$`,
  `create trigger instruments_search_document_written
    after insert or update of name, description, cost_description, authentication, data_reused, text_language or delete on instruments
    for each row execute function instruments_search_document()`,
  `create function instrument_services_search_document() returns trigger language plpgsql as $$
    begin
      perform instrument_search_refresh(case when tg_op = 'DELETE' then old.instrument_id else new.instrument_id end);
      return null;
    end
  $$`,
  `create trigger instrument_services_search_document after insert or update or delete on instrument_services
    for each row execute function instrument_services_search_document()`,

  // ---- indicators: code and names A, definitions C, each name in its own language -------------------------------
  `create function indicator_search_put(i indicators) returns void language plpgsql as $$
    declare
      vector tsvector := setweight(to_tsvector('simple', i.code), 'A');
      text_of record;
    begin
      for text_of in select key, value from jsonb_each_text(i.names) loop
        vector := vector || setweight(to_tsvector(practice_text_config(text_of.key), text_of.value), 'A');
      end loop;
      for text_of in select key, value from jsonb_each_text(i.definitions) loop
        vector := vector || setweight(to_tsvector(practice_text_config(text_of.key), text_of.value), 'C');
      end loop;
      perform search_document_put('indicator', i.id, vector, concat_ws(' ', i.code,
        (select string_agg(value, ' ') from jsonb_each_text(i.names)), (select string_agg(value, ' ') from jsonb_each_text(i.definitions))));
    end
  $$`,
  `create function indicators_search_document() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform search_document_remove('indicator', old.id);
        return old;
      end if;
      perform indicator_search_put(new);
      return new;
    end
  $$`,
  `create trigger indicators_search_document_written after insert or update of code, names, definitions or delete on indicators
    for each row execute function indicators_search_document()`,

  // ---- plans and actions, by version ----------------------------------------------------------------------------
  // A plan's text language is the one its partner chose; plans written before it was asked are in their programme's.
  `create function plan_version_text_config(v plan_versions) returns regconfig language sql stable as $$
    select practice_text_config(coalesce(v.content ->> 'language',
      (select pr.text_language from plans p join programmes pr on pr.id = p.programme_id where p.id = v.plan_id), 'en'))
  $$`,
  // A plan is named after its partner (A); its policy instruments' names (A) and managing bodies (B), the improvements
  // sought (C) and its actions' titles (C) say what it is about.
  `create function plan_version_search_put(v plan_versions) returns void language plpgsql as $$
    declare
      config regconfig := plan_version_text_config(v);
      partner_name text;
      names text;
      bodies text;
      improvements text;
      titles text;
    begin
      select pa.name into partner_name from plans p join partners pa on pa.id = p.partner_id where p.id = v.plan_id;
      select coalesce(string_agg(i ->> 'name', ' '), ''), coalesce(string_agg(i ->> 'managingBody', ' '), ''), coalesce(string_agg(i ->> 'improvement', ' '), '')
        into names, bodies, improvements from jsonb_array_elements(v.content -> 'instruments') as i;
      select coalesce(string_agg(a ->> 'title', ' '), '') into titles from jsonb_array_elements(v.content -> 'actions') as a;
      perform search_document_put('plan', v.id,
        setweight(to_tsvector(config, coalesce(partner_name, '') || ' ' || names), 'A') || setweight(to_tsvector(config, bodies), 'B')
          || setweight(to_tsvector(config, improvements || ' ' || titles), 'C'),
        concat_ws(' ', partner_name, names, bodies, improvements, titles));
    end
  $$`,
  `create table plan_action_documents (
    id integer generated always as identity primary key,
    version_id integer not null references plan_versions (id) on delete cascade,
    action_key text not null,
    unique (version_id, action_key)
  )`,
  `select better_track_data_changes('plan_action_documents')`,
  // An action: its title A, background and description C, the instruments it delivers and its players' roles D.
  `create function plan_action_search_put(document_id integer, config regconfig, action jsonb) returns void language sql as $$
    select search_document_put('action', document_id,
      setweight(to_tsvector(config, coalesce(action ->> 'title', '')), 'A')
        || setweight(to_tsvector(config, concat_ws(' ', action ->> 'background', action ->> 'description')), 'C')
        || setweight(to_tsvector(config, coalesce(action ->> 'instrumentsText', '')), 'D'),
      concat_ws(' ', action ->> 'title', action ->> 'background', action ->> 'description', action ->> 'instrumentsText'))
  $$`,
  `create function plan_version_actions_search_put(v plan_versions) returns void language plpgsql as $$
    declare
      config regconfig := plan_version_text_config(v);
    begin
      delete from plan_action_documents d where d.version_id = v.id
        and d.action_key not in (select a ->> 'key' from jsonb_array_elements(v.content -> 'actions') as a);
      insert into plan_action_documents (version_id, action_key)
        select v.id, a ->> 'key' from jsonb_array_elements(v.content -> 'actions') as a
        on conflict (version_id, action_key) do nothing;
      perform plan_action_search_put(d.id, config, a)
        from jsonb_array_elements(v.content -> 'actions') as a join plan_action_documents d on d.version_id = v.id and d.action_key = a ->> 'key';
    end
  $$`,
  `create function plan_versions_search_document() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform search_document_remove('plan', old.id);
        return old;
      end if;
      perform plan_version_search_put(new);
      perform plan_version_actions_search_put(new);
      return new;
    end
  $$`,
  `create trigger plan_versions_search_document_written after insert or update of content or delete on plan_versions
    for each row execute function plan_versions_search_document()`,
  `create function plan_action_documents_removed() returns trigger language plpgsql as $$
    begin
      perform search_document_remove('action', old.id);
      return old;
    end
  $$`,
  `create trigger plan_action_documents_search_document_removed after delete on plan_action_documents
    for each row execute function plan_action_documents_removed()`,

  // ---- what is already written ----------------------------------------------------------------------------------
  `select event_search_refresh(id) from events`,
  `select instrument_search_refresh(id) from instruments`,
  `select indicator_search_put(i) from indicators i`,
  `select plan_version_search_put(v), plan_version_actions_search_put(v) from plan_versions v`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
