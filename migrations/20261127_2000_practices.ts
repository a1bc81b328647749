/**
 * The good practice library: a managed list of themes, practices with their review history and full-text search
 * vectors, partners' learning needs, and transfers of practices between partners (stages and assessments).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const themes: [string, Record<string, string>][] = [
  [
    'digital-services',
    {
      en: 'Digital public services',
      it: 'Servizi pubblici digitali',
      et: 'Digitaalsed avalikud teenused',
      hu: 'Digitális közszolgáltatások',
      sv: 'Digitala offentliga tjänster',
    },
  ],
  ['payments', { en: 'Payments', it: 'Pagamenti', et: 'Maksed', hu: 'Fizetések', sv: 'Betalningar' }],
  ['open-data', { en: 'Open data', it: 'Dati aperti', et: 'Avaandmed', hu: 'Nyílt adatok', sv: 'Öppna data' }],
  [
    'artificial-intelligence',
    { en: 'Artificial intelligence', it: 'Intelligenza artificiale', et: 'Tehisintellekt', hu: 'Mesterséges intelligencia', sv: 'Artificiell intelligens' },
  ],
  ['smart-city', { en: 'Smart city', it: 'Città intelligente', et: 'Tark linn', hu: 'Okos város', sv: 'Smart stad' }],
  [
    'innovation-ecosystem',
    {
      en: 'Innovation ecosystem',
      it: "Ecosistema dell'innovazione",
      et: 'Innovatsiooni ökosüsteem',
      hu: 'Innovációs ökoszisztéma',
      sv: 'Innovationsekosystem',
    },
  ],
  ['skills', { en: 'Skills', it: 'Competenze', et: 'Oskused', hu: 'Készségek', sv: 'Kompetens' }],
  [
    'procurement-of-innovation',
    {
      en: 'Procurement of innovation',
      it: "Appalti per l'innovazione",
      et: 'Innovatsioonihanked',
      hu: 'Innovációs közbeszerzés',
      sv: 'Innovationsupphandling',
    },
  ],
];

const statements = [
  `create table themes (
    code text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    names jsonb not null check (names ? 'en'),
    position integer not null default 0,
    retired boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,

  `create table practices (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    owner_partner_id integer not null references partners (id),
    owner_organisation_id integer references organisations (id),
    status text not null check (status in ('proposed', 'declined', 'draft', 'submitted', 'returned', 'published')),
    language text not null check (language in ('en', 'it', 'et', 'hu', 'sv')),
    title text not null,
    summary text not null check (char_length(summary) <= 500),
    objective text not null default '',
    description text not null default '',
    location_country char(2) check (location_country ~ '^[A-Z]{2}$'),
    location_nuts text,
    location_city text,
    geographical_scope text check (geographical_scope in ('local', 'regional', 'national', 'european')),
    resources text not null default '',
    resources_eur numeric(14, 2) check (resources_eur >= 0),
    starts_on date,
    ends_on date,
    evidence text not null default '',
    transfer_potential text not null default '',
    difficulties text not null default '',
    links text[] not null default '{}',
    keywords text[] not null default '{}',
    contact_name text,
    contact_email text,
    translations jsonb not null default '{}',
    proposed_by_user_id integer references users (id) on delete set null,
    title_key text not null default '',
    theme_codes text[] not null default '{}',
    search_vector tsvector not null default ''::tsvector,
    rank_vector tsvector not null default ''::tsvector,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    published_at timestamptz,
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
  )`,
  `create index practices_search on practices using gin (search_vector)`,
  `create index practices_rank_terms on practices using gin (rank_vector)`,
  `create index practices_by_status on practices (programme_id, status, published_at desc, id desc)`,
  `create index practices_by_owner on practices (owner_partner_id, status)`,
  `create index practices_by_title on practices (owner_partner_id, title_key)`,
  `create index practices_by_theme on practices using gin (theme_codes)`,

  // Estonian has a stemmer only from PostgreSQL 17; 'simple' keeps both supported engines identical.
  `create function practice_text_config(language text) returns regconfig language sql immutable as $$
    select (case language when 'en' then 'english' when 'it' then 'italian' when 'hu' then 'hungarian' when 'sv' then 'swedish' else 'simple' end)::regconfig
  $$`,

  // Two vectors kept by the database itself, so every way of writing a practice (forms, imports, SQL) keeps them
  // right: rank_vector (title A; summary and keywords B; translations likewise) is small and cheap to rank;
  // search_vector adds the body (C) and the practical details (D) for matching.
  `create function practices_text_vectors() returns trigger language plpgsql as $$
  declare
    config regconfig := practice_text_config(new.language);
    translation record;
  begin
    new.rank_vector := setweight(to_tsvector(config, new.title), 'A')
      || setweight(to_tsvector(config, new.summary || ' ' || array_to_string(new.keywords, ' ')), 'B');
    for translation in select key, value from jsonb_each(new.translations) loop
      new.rank_vector := new.rank_vector
        || setweight(to_tsvector(practice_text_config(translation.key), coalesce(translation.value ->> 'title', '')), 'A')
        || setweight(to_tsvector(practice_text_config(translation.key), coalesce(translation.value ->> 'summary', '')), 'B');
    end loop;
    new.search_vector := new.rank_vector
      || setweight(to_tsvector(config, new.objective || ' ' || new.description), 'C')
      || setweight(to_tsvector(config, concat_ws(' ', new.evidence, new.transfer_potential, new.difficulties, new.resources, new.location_city)), 'D');
    new.title_key := lower(regexp_replace(btrim(new.title), '\\s+', ' ', 'g'));
    return new;
  end
  $$`,
  `create trigger practices_text_vectors before insert or update of language, title, summary, keywords, translations, objective, description,
    evidence, transfer_potential, difficulties, resources, location_city on practices for each row execute function practices_text_vectors()`,

  `create table practice_themes (
    practice_id integer not null references practices (id) on delete cascade,
    theme_code text not null references themes (code),
    primary key (practice_id, theme_code)
  )`,
  `create index practice_themes_by_theme on practice_themes (theme_code)`,

  // practice_themes keeps the integrity (a theme in use cannot vanish); practices.theme_codes is its copy on the
  // practice row, so search can filter and count themes over thousands of matches without a join. Statement
  // triggers with transition tables refresh each touched practice once, however many rows a bulk import writes.
  `create function practice_themes_refresh() returns trigger language plpgsql as $$
  begin
    update practices p
      set theme_codes = coalesce((select array_agg(t.theme_code order by t.theme_code) from practice_themes t where t.practice_id = p.id), '{}')
      where p.id in (select practice_id from changed_themes);
    return null;
  end
  $$`,
  `create trigger practice_themes_added after insert on practice_themes referencing new table as changed_themes
    for each statement execute function practice_themes_refresh()`,
  `create trigger practice_themes_removed after delete on practice_themes referencing old table as changed_themes
    for each statement execute function practice_themes_refresh()`,
  `create trigger practice_themes_moved_from after update on practice_themes referencing old table as changed_themes
    for each statement execute function practice_themes_refresh()`,
  `create trigger practice_themes_moved_to after update on practice_themes referencing new table as changed_themes
    for each statement execute function practice_themes_refresh()`,

  `create table practice_history (
    id integer generated always as identity primary key,
    practice_id integer not null references practices (id) on delete cascade,
    from_status text,
    to_status text not null,
    comment text not null default '',
    actor_user_id integer references users (id) on delete set null,
    actor_label text not null,
    occurred_at timestamptz not null default now()
  )`,
  `create index practice_history_by_practice on practice_history (practice_id, occurred_at)`,

  `create table learning_needs (
    id integer generated always as identity primary key,
    partner_id integer not null references partners (id),
    theme_code text not null references themes (code),
    description text not null,
    match_query tsquery,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index learning_needs_by_partner on learning_needs (partner_id)`,
  // A need's words as an "any of them" query (English and simple readings), kept on the row so the partner page
  // does not parse every description on every visit.
  `create function learning_needs_match_query() returns trigger language plpgsql as $$
  begin
    new.match_query := (
      select to_tsquery('simple', string_agg(distinct quote_literal(lexeme), ' | '))
      from unnest(to_tsvector('english', new.description) || to_tsvector('simple', new.description)) as entry(lexeme, positions, weights)
      where char_length(lexeme) > 2);
    return new;
  end
  $$`,
  `create trigger learning_needs_match_query before insert or update of description on learning_needs
    for each row execute function learning_needs_match_query()`,

  // The practices recommended for each need, computed when the need is written and, after the library changes,
  // by the background worker (recommendation_refreshes lists the programmes waiting), so the partner page reads a
  // few rows instead of ranking the whole library on every visit.
  `create table need_recommendations (
    need_id integer not null references learning_needs (id) on delete cascade,
    practice_id integer not null references practices (id) on delete cascade,
    position smallint not null,
    score real not null,
    primary key (need_id, practice_id)
  )`,
  `create index need_recommendations_by_practice on need_recommendations (practice_id)`,
  `create table recommendation_refreshes (
    programme_id integer primary key references programmes (id) on delete cascade,
    requested_at timestamptz not null default now()
  )`,

  `create table transfers (
    id integer generated always as identity primary key,
    practice_id integer not null references practices (id),
    importer_partner_id integer not null references partners (id),
    stage text not null check (stage in ('interest', 'study_visit', 'assessment', 'import_workshop', 'adopted', 'implemented')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (practice_id, importer_partner_id)
  )`,
  `create index transfers_by_importer on transfers (importer_partner_id, stage)`,

  `create table transfer_stages (
    id integer generated always as identity primary key,
    transfer_id integer not null references transfers (id) on delete cascade,
    stage text not null check (stage in ('interest', 'study_visit', 'assessment', 'import_workshop', 'adopted', 'implemented')),
    occurred_on date not null,
    notes text not null default '',
    event_id integer,
    recorded_by_user_id integer references users (id) on delete set null,
    recorded_by_label text not null,
    recorded_at timestamptz not null default now(),
    unique (transfer_id, stage)
  )`,

  `create table transfer_assessments (
    id integer generated always as identity primary key,
    transfer_id integer not null references transfers (id) on delete cascade,
    assessor_user_id integer references users (id) on delete set null,
    assessor_label text not null,
    fit_score smallint not null check (fit_score between 1 and 5),
    fit_comment text not null default '',
    feasibility_score smallint not null check (feasibility_score between 1 and 5),
    feasibility_comment text not null default '',
    cost_score smallint not null check (cost_score between 1 and 5),
    cost_comment text not null default '',
    support_score smallint not null check (support_score between 1 and 5),
    support_comment text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (transfer_id, assessor_user_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
  for (const [position, [code, names]] of themes.entries()) {
    await sql`insert into themes (code, names, position) values (${code}, ${JSON.stringify(names)}::jsonb, ${position})`.execute(db);
  }
}
