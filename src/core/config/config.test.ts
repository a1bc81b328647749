import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts a laptop on the embedded database at http://localhost:3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: 'localhost',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      database: { url: undefined, dataDir: './data' },
      demo: false,
    });
  });

  it('stops with a message naming each bad variable', () => {
    const attempt = () => loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', SMTP_URL: 'not a url', COOKIE_SECRET: 'short' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT: must be between 0 and 65535');
      expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
      expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
      expect(message).toContain('COOKIE_SECRET: must be at least 32 characters');
    }
  });

  it('keeps pages in 64 MB by default, and names a bad page cache setting', () => {
    expect(loadConfig({}).pageCache).toEqual({ enabled: true, maxMegabytes: 64 });
    expect(loadConfig({ PAGE_CACHE: 'false', PAGE_CACHE_MB: '8' }).pageCache).toEqual({ enabled: false, maxMegabytes: 8 });
    const attempt = () => loadConfig({ PAGE_CACHE: 'off', PAGE_CACHE_MB: '0' });
    expect(attempt).toThrow(/PAGE_CACHE: must be true or false/);
    expect(attempt).toThrow(/PAGE_CACHE_MB: must be at least 1/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });

  it('reads a real server address and drops a trailing slash from the public URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/better', PUBLIC_URL: 'https://better.example.eu/', TRUST_PROXY: '1' });
    expect(config.database.url).toBe('postgres://u@db:5432/better');
    expect(config.publicUrl).toBe('https://better.example.eu');
    expect(config.trustProxy).toBe(1);
  });

  it('trusts no proxy by default, or the number of hops or the addresses the operator names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses to trust every proxy, saying what to write instead', () => {
    for (const value of ['true', 'yes', '10.0.0.0/33', 'proxy.internal', '10.0.0.1,']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(
        /TRUST_PROXY: must be false, the number of proxies in front of BETTER \(e\.g\. 1\) or their addresses/,
      );
    }
  });
});
