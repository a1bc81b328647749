/**
 * eGovernment instruments: the catalogue of digital services the programme delivers, each owned by a partner, with
 * the public services it delivers, its lifecycle stages with evidence, the innovation chain (organisations × role ×
 * contract value × procurement route), the events where it was presented, and impact measurements per period.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table instruments (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    partner_id integer not null references partners (id),
    name text not null check (length(name) between 1 and 200),
    description text not null,
    kind text not null check (kind in ('online_service', 'payment_system', 'data_platform', 'ai_tool', 'mobile_app', 'process_digitalisation', 'other')),
    theme_code text references themes (code),
    channels text[] not null default '{}',
    audiences text[] not null default '{}',
    languages text[] not null default '{}',
    is_free boolean not null default true,
    cost_description text not null default '',
    authentication text not null default '',
    data_reused text not null default '',
    licence text,
    repository_url text,
    stage text not null check (stage in ('idea', 'design', 'pilot', 'live', 'scaled', 'retired')),
    stage_since date not null,
    published boolean not null default false,
    contract_values_public boolean not null default false,
    plan_id integer references plans (id),
    action_key text,
    practice_id integer references practices (id),
    search_vector tsvector generated always as (setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', description), 'B')) stored,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((plan_id is null) = (action_key is null))
  )`,
  `create index instruments_by_partner on instruments (partner_id)`,
  `create index instruments_by_programme on instruments (programme_id, published, stage)`,
  `create index instruments_search on instruments using gin (search_vector)`,

  `create table instrument_services (
    instrument_id integer not null references instruments (id) on delete cascade,
    position integer not null,
    name text not null,
    description text not null default '',
    primary key (instrument_id, position)
  )`,

  `create table instrument_stages (
    id integer generated always as identity primary key,
    instrument_id integer not null references instruments (id) on delete cascade,
    stage text not null check (stage in ('idea', 'design', 'pilot', 'live', 'scaled', 'retired')),
    occurred_on date not null,
    evidence text not null default '',
    reason text not null default '',
    recorded_by_user_id integer references users (id) on delete set null,
    recorded_by_label text not null,
    recorded_at timestamptz not null default now()
  )`,
  `create index instrument_stages_by_instrument on instrument_stages (instrument_id, id)`,

  `create table instrument_events (
    instrument_id integer not null references instruments (id) on delete cascade,
    event_id integer not null references events (id) on delete cascade,
    primary key (instrument_id, event_id)
  )`,

  `create table instrument_chain (
    id integer generated always as identity primary key,
    instrument_id integer not null references instruments (id) on delete cascade,
    organisation_id integer not null references organisations (id),
    role text not null check (role in ('designer', 'supplier', 'operator', 'research_partner', 'co_creation')),
    in_region boolean not null,
    contract_value_eur numeric(14, 2) check (contract_value_eur >= 0),
    procurement text not null check (procurement in ('innovation_procurement', 'pre_commercial_procurement', 'open_challenge', 'standard_tender', 'in_house')),
    created_at timestamptz not null default now(),
    unique (instrument_id, organisation_id, role)
  )`,

  `create table instrument_impact (
    id integer generated always as identity primary key,
    instrument_id integer not null references instruments (id) on delete cascade,
    period_start date not null,
    period_end date not null,
    users integer check (users >= 0),
    transactions integer check (transactions >= 0),
    processing_minutes_digital numeric(10, 2) check (processing_minutes_digital >= 0),
    processing_minutes_former numeric(10, 2) check (processing_minutes_former >= 0),
    cost_digital_eur numeric(12, 2) check (cost_digital_eur >= 0),
    cost_former_eur numeric(12, 2) check (cost_former_eur >= 0),
    satisfaction_percent numeric(5, 2) check (satisfaction_percent between 0 and 100),
    digital_share_percent numeric(5, 2) check (digital_share_percent between 0 and 100),
    created_at timestamptz not null default now(),
    check (period_end >= period_start)
  )`,
  `create index instrument_impact_by_instrument on instrument_impact (instrument_id, period_start)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
