/** The `better` command as an operator first meets it: its help, and refusals made before any database is opened. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromProjectRoot } from './core/paths.js';

function better(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
}

function failed(args: string[], env: NodeJS.ProcessEnv): { status: number; stderr: string } {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: 'pipe',
    });
  } catch (error) {
    return error as { status: number; stderr: string };
  }
  throw new Error('the command should have failed');
}

describe('better --help', () => {
  it('lists every command', () => {
    const help = better('--help');
    for (const command of ['serve', 'migrate', 'seed', 'user', 'backup', 'restore']) expect(help).toContain(command);
  });

  it('documents each command’s options', () => {
    expect(better('serve', '--help')).toContain('--demo');
    expect(better('seed', '--help')).toContain('--demo');
    expect(better('user', 'create', '--help')).toContain('--password-stdin');
  });

  it('better restore --replace asks for confirmation: without a terminal it needs --yes, and touches nothing', async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'better-cli-')), 'data');
    const failure = failed(['restore', fromProjectRoot('package.json'), '--replace'], { DATA_DIR: dataDir });
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain('--replace replaces everything in the database: confirm by running it in a terminal, or add --yes.');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('better restore names a file that is not there', () => {
    const failure = failed(['restore', '/nonexistent/backup.gz'], { DATA_DIR: '/tmp/unused' });
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain('There is no file /nonexistent/backup.gz.');
  });

  it('stops with a message naming a bad configuration variable', () => {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), 'migrate'], {
        encoding: 'utf8',
        env: { ...process.env, PORT: 'seventy', DATA_DIR: '/tmp/unused' },
        stdio: 'pipe',
      });
      expect.unreachable('the command should have failed');
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      expect(failure.status).toBe(2);
      expect(failure.stderr).toContain('PORT: must be a port number');
    }
  });
});
