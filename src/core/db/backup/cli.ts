/** `better backup FILE` and `better restore FILE`: files, confirmation and the report printed for the operator. */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Translate } from '../../i18n/i18n.js';
import type { DatabaseHandle } from '../database.js';
import { backupLines, restoreBackup, type RestoreOutcome } from './restore.js';
import { writeBackup } from './write.js';

export interface CommandResult {
  ok: boolean;
  message: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes the backup beside FILE under a temporary name and renames it into place once complete, so FILE is never a
 * partial backup and an older FILE stays until the new one is whole. Owner-only: it holds password hashes and secrets.
 */
export async function backupFromCli(database: DatabaseHandle, file: string, t: Translate): Promise<CommandResult> {
  const target = path.resolve(file);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  const started = performance.now();
  try {
    const summary = await writeBackup(
      database.db,
      database.kind,
      (lines) => pipeline(Readable.from(lines), createGzip(), createWriteStream(partial, { mode: 0o600 })),
      database.schema,
    );
    await rename(partial, target);
    const { size } = await stat(target);
    return {
      ok: true,
      message: t('database.backup.done', {
        file: target,
        tables: summary.tables,
        rows: summary.rows,
        size: megabytes(size),
        schema: summary.header.migrations.at(-1) ?? '-',
        seconds: ((performance.now() - started) / 1000).toFixed(1),
      }),
    };
  } catch (error) {
    await rm(partial, { force: true });
    return { ok: false, message: t('database.backup.failed', { reason: reasonOf(error) }) };
  }
}

export interface RestoreOptions {
  replace: boolean;
  yes: boolean;
}

/** Before the database is opened: the file exists, and --replace is confirmed. A refusal, or undefined to go on. */
export async function confirmRestore(file: string, options: RestoreOptions, t: Translate): Promise<CommandResult | undefined> {
  const source = path.resolve(file);
  try {
    await stat(source);
  } catch {
    return { ok: false, message: t('database.restore.noFile', { file: source }) };
  }
  if (!options.replace || options.yes) return undefined;
  if (!process.stdin.isTTY) return { ok: false, message: t('database.restore.needsYes') };
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question(t('database.restore.confirm', { file: source }));
  prompt.close();
  return answer.trim().toLowerCase() === 'yes' ? undefined : { ok: false, message: t('database.restore.cancelled') };
}

export async function restoreFromCli(database: DatabaseHandle, file: string, options: { replace: boolean }, t: Translate): Promise<CommandResult> {
  const source = path.resolve(file);
  const started = performance.now();
  let outcome: RestoreOutcome;
  try {
    outcome = await restoreBackup(database, backupLines(createReadStream(source)), { replace: options.replace, label: path.basename(source) });
  } catch (error) {
    return { ok: false, message: t('database.restore.failed', { reason: reasonOf(error) }) };
  }
  if (!outcome.ok) return { ok: false, message: refusalMessage(outcome, source, t) };
  const { header, tables, rows, migratedAfter } = outcome.value;
  const lines = [
    t('database.restore.done', {
      file: source,
      tables,
      rows,
      createdAt: header.createdAt,
      schema: header.migrations.at(-1) ?? '-',
      seconds: ((performance.now() - started) / 1000).toFixed(1),
    }),
  ];
  if (migratedAfter.length > 0) lines.push(t('database.restore.migrated', { count: migratedAfter.length, schema: migratedAfter.at(-1) ?? '' }));
  return { ok: true, message: lines.join('\n') };
}

function refusalMessage(outcome: Exclude<RestoreOutcome, { ok: true }>, file: string, t: Translate): string {
  switch (outcome.reason) {
    case 'not_backup':
      return t('database.restore.notBackup', { file });
    case 'newer_schema':
      return t('database.restore.newerSchema', { migration: outcome.migration });
    case 'database_ahead':
      return t('database.restore.databaseAhead', { database: outcome.database, backup: outcome.backup });
    case 'not_empty':
      return t('database.restore.notEmpty');
    case 'damaged':
      return t('database.restore.damaged', { detail: outcome.detail });
  }
}
