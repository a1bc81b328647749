/** The one database type: every module's tables composed, so every query is checked against the real schema. */
import type { AuditTables } from '../audit/tables.js';
import type { MailTables } from '../mail/tables.js';
import type { AccountTables } from '../../modules/accounts/tables.js';
import type { PartnerTables } from '../../modules/partners/tables.js';
import type { ProgrammeTables } from '../../modules/programmes/tables.js';
import type { ThemeTables } from '../../modules/themes/tables.js';
import type { PracticeTables } from '../../modules/practices/tables.js';
import type { EventTables } from '../../modules/events/tables.js';
import type { PlanTables } from '../../modules/plans/tables.js';
import type { InstrumentTables } from '../../modules/instruments/tables.js';
import type { ResultTables } from '../../modules/results/tables.js';
import type { NotificationTables } from '../../modules/notifications/tables.js';

export interface AppSettingsTable {
  key: string;
  value: string;
}

export interface Database
  extends
    ProgrammeTables,
    PartnerTables,
    AccountTables,
    MailTables,
    AuditTables,
    ThemeTables,
    PracticeTables,
    EventTables,
    PlanTables,
    InstrumentTables,
    ResultTables,
    NotificationTables {
  app_settings: AppSettingsTable;
}
