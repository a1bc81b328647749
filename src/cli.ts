/**
 * The `better` command line: serve, migrate, seed the demo, create a user, import and export, back up and restore.
 * Configuration comes from the environment (see docs/operations.md); a bad value stops the command with a message
 * naming the variable.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from './core/config/config.js';
import type { CommandResult } from './core/db/backup/cli.js';
import type { DatabaseHandle } from './core/db/database.js';
import { EmbeddedDatabaseInUse } from './core/db/embedded-socket.js';
import { getTranslator, type Translate } from './core/i18n/i18n.js';
import { isLocale, locales } from './core/i18n/locales.js';

// Only what parsing the command line needs is imported up front; each command imports the rest. `better serve` starts
// PGlite's thread as soon as its configuration is read, before the database driver, Kysely and the migrations load
// (see docs/performance/start.md, "Restart in 2 s").

function config(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** The command line's messages are in English, like its help. */
async function messages(): Promise<Translate> {
  return (await getTranslator()).translate('en');
}

async function openMigratedDatabase(settings: Config) {
  const { openDatabaseForCommand } = await import('./command-database.js');
  return openDatabaseForCommand(settings, await messages());
}

/**
 * The capability modules, loaded by the commands that use them rather than up front: `better serve` opens the database
 * while they load (server.ts), and `better --help` does not wait for them.
 */
async function installPlatformModules(): Promise<void> {
  const [{ modules }, { installModules }] = await Promise.all([import('./modules/index.js'), import('./core/module.js')]);
  installModules(modules);
}

function report(result: CommandResult): void {
  (result.ok ? console.log : console.error)(result.message);
  if (!result.ok) process.exitCode = 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command().name('better').description('BETTER: run eGovernment-driven regional innovation programmes').showHelpAfterError();

program
  .command('serve')
  .description('Start the web server and background worker (migrates the database first)')
  .option('--demo', 'demo mode: load the demo programme into an empty database and list the demo accounts on the sign-in page')
  .option('-p, --port <port>', 'port to listen on (overrides PORT)')
  .action(async (options: { demo?: boolean; port?: string }) => {
    const overrides: Partial<Config> = { demo: Boolean(options.demo) };
    if (options.port !== undefined) {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error('--port: must be a port number between 0 and 65535');
        process.exit(2);
      }
      overrides.port = port;
    }
    const settings = config(overrides);
    try {
      const { serve } = await import('./server.js');
      await serve(settings);
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
      const { holderOf } = await import('./command-database.js');
      console.error((await messages())('database.inUse.serve', { holder: holderOf(error, await messages()), dataDir: path.dirname(error.socketDirectory) }));
      process.exit(1);
    }
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const settings = config();
    const database = await openMigratedDatabase(settings);
    console.log(`Database (${database.kind}) is up to date.`);
    await database.close();
  });

program
  .command('seed')
  .description('Load data into an empty database')
  .requiredOption('--demo', 'load the BETTER demo programme, partners, stakeholders and demo accounts')
  .action(async () => {
    const database = await openMigratedDatabase(config());
    const { seedDemo } = await import('./seed.js');
    const outcome = await seedDemo(database.db);
    await database.close();
    if (!outcome.ok) {
      console.error('The database already has data; the demo is loaded only into an empty database.');
      process.exit(1);
    }
    const { partners, organisations, accounts, practices, transfers, events, registrations, plans, instruments } = outcome.value;
    console.log(
      `Demo loaded: 1 programme, ${partners} partners, ${organisations} stakeholder organisations, ${accounts} accounts, ${practices} good practices, ${transfers} transfers, ${events} events with ${registrations} registrations, ${plans} action plans, ${instruments} eGovernment instruments.`,
    );
  });

const user = program.command('user').description('Manage accounts');

user
  .command('create')
  .description('Create an account; prints an invitation link unless --password-stdin gives the password')
  .requiredOption('--email <email>', 'email address (the sign-in name)')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role to give').choices(['admin', 'coordinator', 'editor', 'stakeholder']).makeOptionMandatory())
  .option('--programme <id>', 'programme id (coordinator)')
  .option('--partner <id>', 'partner id (editor)')
  .option('--organisation <id>', 'stakeholder organisation id (stakeholder)')
  .addOption(new Option('--locale <locale>', 'language of emails').choices([...locales]).default('en'))
  .option('--password-stdin', 'read the password from standard input instead of sending an invitation')
  .action(
    async (options: {
      email: string;
      name: string;
      role: string;
      programme?: string;
      partner?: string;
      organisation?: string;
      locale: string;
      passwordStdin?: boolean;
    }) => {
      const settings = config();
      const password = options.passwordStdin ? await readStdin() : undefined;
      const database = await openMigratedDatabase(settings);
      try {
        await installPlatformModules();
        const { createUserFromCli } = await import('./modules/accounts/index.js');
        const result = await createUserFromCli(
          database.db,
          {
            email: options.email,
            displayName: options.name,
            role: options.role,
            programmeId: options.programme,
            partnerId: options.partner,
            organisationId: options.organisation,
            locale: isLocale(options.locale) ? options.locale : 'en',
            password,
          },
          { translator: await getTranslator(), publicUrl: settings.publicUrl },
        );
        if (!result.ok) {
          console.error(result.message);
          process.exitCode = 1;
          return;
        }
        console.log(result.message);
      } finally {
        await database.close();
      }
    },
  );

program
  .command('import')
  .description('Import records from a file')
  .command('practices')
  .description('Import good practices from a CSV or JSON file (columns in the README); nothing is written unless every row is valid')
  .argument('<file>', 'a .csv or .json file in UTF-8')
  .option('--programme <slug>', "the programme's short name (needed when the platform hosts several)")
  .option('--skip-invalid', 'import the valid rows and report the others')
  .option('--fix-summaries', 'write a missing summary from the description and shorten one over 500 characters (the full text is kept in the description)')
  .option('--create-themes', 'add the themes the file names that the list lacks')
  .option('--dry-run', 'check the file and report what would be imported and changed; write nothing')
  .action(async (file: string, options: { programme?: string; skipInvalid?: boolean; fixSummaries?: boolean; createThemes?: boolean; dryRun?: boolean }) => {
    const settings = config();
    const database = await openMigratedDatabase(settings);
    try {
      await installPlatformModules();
      const { importFromCli } = await import('./modules/practices/index.js');
      const result = await importFromCli(database.db, file, {
        skipInvalid: Boolean(options.skipInvalid),
        adjust: { fixSummaries: Boolean(options.fixSummaries), createThemes: Boolean(options.createThemes) },
        dryRun: Boolean(options.dryRun),
        t: (await getTranslator()).translate('en'),
        progress: process.stderr.isTTY,
        ...(options.programme ? { programme: options.programme } : {}),
      });
      (result.ok ? console.log : console.error)(result.message);
      if (!result.ok) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program
  .command('backup')
  .description('Write a consistent backup of the whole database to FILE (gzip; works while the server runs)')
  .argument('<file>', 'the backup file to write (replaced once the new backup is complete)')
  .action(async (file: string) => {
    const database = await openMigratedDatabase(config());
    try {
      const { backupFromCli } = await import('./core/db/backup/cli.js');
      report(await backupFromCli(database, file, await messages()));
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description('Load a backup into an empty database (stop the server first); --replace to replace a database in use')
  .argument('<file>', 'a file written by better backup')
  .option('--replace', 'replace everything in a database that already holds data')
  .option('--yes', 'with --replace: do not ask for confirmation')
  .action(async (file: string, options: { replace?: boolean; yes?: boolean }) => {
    const t = await messages();
    const [{ confirmRestore, restoreFromCli }, { openDatabase }, { databaseOptions }, { holderOf }] = await Promise.all([
      import('./core/db/backup/cli.js'),
      import('./core/db/database.js'),
      import('./server.js'),
      import('./command-database.js'),
    ]);
    const restoreOptions = { replace: Boolean(options.replace), yes: Boolean(options.yes) };
    const refused = await confirmRestore(file, restoreOptions, t);
    if (refused) return report(refused);
    let database: DatabaseHandle;
    try {
      database = await openDatabase(databaseOptions(config()));
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
      console.error(t('database.inUse.restore', { holder: holderOf(error, t), dataDir: path.dirname(error.socketDirectory) }));
      process.exit(1);
    }
    try {
      report(await restoreFromCli(database, file, restoreOptions, t));
    } finally {
      await database.close();
    }
  });

const exportCommand = program.command('export').description('Export records to a file');

exportCommand
  .command('practices')
  .description('Export the whole good practice library, drafts included, as CSV or JSON')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
  .option('--output <file>', 'write to this file instead of standard output')
  .action(async (options: { format: 'csv' | 'json'; output?: string }) => {
    const settings = config();
    const database = await openMigratedDatabase(settings);
    try {
      await installPlatformModules();
      const { exportFromCli } = await import('./modules/practices/index.js');
      await exportFromCli(database.db, { format: options.format, publicUrl: settings.publicUrl, ...(options.output ? { output: options.output } : {}) });
    } finally {
      await database.close();
    }
  });

exportCommand
  .command('instruments')
  .description('Export the published eGovernment instruments as CPSV-AP 3.2.0 public services, in JSON-LD or Turtle')
  .addOption(new Option('--format <format>', 'file format').choices(['jsonld', 'ttl']).makeOptionMandatory())
  .option('--programme <slug>', "only this programme's instruments (its short name)")
  .option('--output <file>', 'write to this file instead of standard output')
  .action(async (options: { format: 'jsonld' | 'ttl'; programme?: string; output?: string }) => {
    const settings = config();
    const database = await openMigratedDatabase(settings);
    try {
      await installPlatformModules();
      const { exportInstrumentsFromCli } = await import('./modules/instruments/index.js');
      const result = await exportInstrumentsFromCli(database.db, { ...options, publicUrl: settings.publicUrl });
      if (!result.ok) {
        console.error(result.message);
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
  });

await program.parseAsync(process.argv);
