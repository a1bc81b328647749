/**
 * nginx (Debian's package) in front of test nodes, with its configuration, pid and logs in a temporary folder. The
 * configuration is the one docs/operations.md recommends, plus the upstream's address in an X-Upstream header so a
 * test can tell which node answered.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from './nodes.js';

export interface Nginx {
  url: string;
  /**
   * Takes a node out of rotation as an operator does before stopping it (`down`, then a reload), and resolves once
   * the workers that still knew it have finished their requests and exited.
   */
  drain(address: string): Promise<void>;
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

function configuration(folder: string, port: number, upstreams: string[], down: string[]): string {
  return `
${process.getuid?.() === 0 ? 'user root root;' : ''}
daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${folder}/access.log;
  # Browsers send a request again when a kept-alive connection is closed under them (as a reloading nginx does);
  # fetch does not. One connection per request keeps that race, between client and balancer, out of the test.
  keepalive_timeout 0;
  client_body_temp_path ${folder}/client_body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  upstream better {
${upstreams.map((address) => `    server ${address} max_fails=1 fail_timeout=5s${down.includes(address) ? ' down' : ''};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    # Each form refuses its own oversized uploads, on the form, as the body arrives (core/http/uploads.ts reads up to
    # 128 MB past the largest limit, 25 MB): the proxy must neither refuse first with its own page nor hold the body.
    client_max_body_size 160m;
    proxy_request_buffering off;
    location / {
      proxy_pass http://better;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_connect_timeout 2s;
      # GET and HEAD go to the next node when one fails; a POST only when it never reached the node (non_idempotent
      # is deliberately absent: a registration must not be submitted twice).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

function workersOf(master: number): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(master), '-o', 'pid='], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // ps exits 1 when there is no such process
  }
}

export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const folder = await mkdtemp(path.join(tmpdir(), 'better-nginx-'));
  const port = await freePort();
  const down: string[] = [];
  await writeFile(path.join(folder, 'nginx.conf'), configuration(folder, port, upstreams, down));
  const child = spawn('/usr/sbin/nginx', ['-p', folder, '-c', path.join(folder, 'nginx.conf'), '-e', path.join(folder, 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await waitFor('nginx to listen', async () => {
    if (child.exitCode !== null)
      throw new Error(`nginx exited with ${child.exitCode}: ${await readFile(path.join(folder, 'error.log'), 'utf8').catch(() => '')}`);
    return new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    errorLog: () => readFile(path.join(folder, 'error.log'), 'utf8'),
    async drain(address) {
      down.push(address);
      await writeFile(path.join(folder, 'nginx.conf'), configuration(folder, port, upstreams, down));
      const before = workersOf(child.pid as number);
      child.kill('SIGHUP');
      await waitFor('the reloaded nginx to replace its workers', () => {
        const now = workersOf(child.pid as number);
        return now.length > 0 && now.every((pid) => !before.includes(pid));
      });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
