/**
 * The migrations in order. Each file is frozen once released; a new migration adds a file and a line here
 * (a test fails if a file in this folder is not listed).
 */
import type { Migration } from 'kysely';
import * as foundation from './20261127_0900_foundation.js';
import * as practices from './20261127_2000_practices.js';
import * as events from './20261128_0900_events.js';
import * as plans from './20261128_1200_plans.js';
import * as plansOverview from './20261129_0900_plans_overview.js';
import * as instruments from './20261129_1000_instruments.js';
import * as instrumentTextLanguage from './20261129_1100_instrument_text_language.js';
import * as evidenceChunks from './20261205_0900_evidence_chunks.js';
import * as signInThrottleHashed from './20261205_1000_sign_in_throttle_hashed.js';
import * as results from './20261206_0900_results.js';
import * as eventParticipation from './20261206_1000_event_participation.js';
import * as notifications from './20261207_0900_notifications.js';
import * as keptForms from './20261207_1000_kept_forms.js';
import * as eventParticipants from './20261207_1100_event_participants.js';
import * as programmeTextLanguage from './20261207_1200_programme_text_language.js';
import * as dataVersion from './20261208_0800_data_version.js';
import * as scaleIndexes from './20261208_0900_scale_indexes.js';
import * as libraryFacetIndex from './20261208_1000_library_facet_index.js';
import * as searchIndex from './20261209_0900_search_index.js';
import * as searchKinds from './20261209_1000_search_kinds.js';
import * as tableVersions from './20261210_0900_table_versions.js';
import * as moreTableVersions from './20261211_0900_more_table_versions.js';
import * as reminderTableVersions from './20261212_0900_reminder_table_versions.js';

export const migrations: Record<string, Migration> = {
  '20261127_0900_foundation': foundation,
  '20261127_2000_practices': practices,
  '20261128_0900_events': events,
  '20261128_1200_plans': plans,
  '20261129_0900_plans_overview': plansOverview,
  '20261129_1000_instruments': instruments,
  '20261129_1100_instrument_text_language': instrumentTextLanguage,
  '20261205_0900_evidence_chunks': evidenceChunks,
  '20261205_1000_sign_in_throttle_hashed': signInThrottleHashed,
  '20261206_0900_results': results,
  '20261206_1000_event_participation': eventParticipation,
  '20261207_0900_notifications': notifications,
  '20261207_1000_kept_forms': keptForms,
  '20261207_1100_event_participants': eventParticipants,
  '20261207_1200_programme_text_language': programmeTextLanguage,
  '20261208_0800_data_version': dataVersion,
  '20261208_0900_scale_indexes': scaleIndexes,
  '20261208_1000_library_facet_index': libraryFacetIndex,
  '20261209_0900_search_index': searchIndex,
  '20261209_1000_search_kinds': searchKinds,
  '20261210_0900_table_versions': tableVersions,
  '20261211_0900_more_table_versions': moreTableVersions,
  '20261212_0900_reminder_table_versions': reminderTableVersions,
};
