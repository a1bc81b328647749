/** The `better` command's help, as an operator first meets it. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromProjectRoot } from './core/paths.js';

function better(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
}

describe('better --help', () => {
  it('lists every command', () => {
    const help = better('--help');
    for (const command of ['serve', 'migrate', 'seed', 'user']) expect(help).toContain(command);
  });

  it('documents each command’s options', () => {
    expect(better('serve', '--help')).toContain('--demo');
    expect(better('seed', '--help')).toContain('--demo');
    expect(better('user', 'create', '--help')).toContain('--password-stdin');
  });

  it('stops with a message naming a bad configuration variable', () => {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), 'migrate'], { encoding: 'utf8', env: { ...process.env, PORT: 'seventy', DATA_DIR: '/tmp/unused' }, stdio: 'pipe' });
      expect.unreachable('the command should have failed');
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      expect(failure.status).toBe(2);
      expect(failure.stderr).toContain('PORT: must be a port number');
    }
  });
});
