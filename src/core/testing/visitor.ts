/**
 * A person's browser over real HTTP, for tests and benchmarks against running nodes: it keeps cookies, takes the CSRF
 * token from the forms it reads, submits forms and streamed uploads, and records every exchange (which node answered,
 * when it started and ended) unless told not to (a soak sends hundreds of thousands).
 */
import { Readable } from 'node:stream';
import { demoPassword } from '../../modules/accounts/service.js';
import { multipartBody, type GeneratedFile } from './http.js';

export interface Exchange {
  method: 'GET' | 'POST';
  path: string;
  /** 0 when no answer came (the connection failed). */
  status: number;
  /** The node that answered, from the load balancer's X-Upstream header. */
  upstream: string | null;
  startedAt: number;
  endedAt: number;
  /** What a failed exchange said (its page or the connection error), for the test's message. */
  problem?: string;
}

export interface Answer extends Exchange {
  body: string;
  headers: Headers | null;
}

export class Visitor {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly accept = 'text/html',
    private readonly record = true,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Another visitor with this one's cookies: the same browser seen by another address (e.g. one node directly). */
  at(baseUrl: string): Visitor {
    const twin = new Visitor(baseUrl, this.accept, this.record);
    for (const [name, value] of this.cookies) twin.cookies.set(name, value);
    twin.csrfToken = this.csrfToken;
    return twin;
  }

  get(path: string, accept = this.accept): Promise<Answer> {
    return this.send('GET', path, undefined, accept);
  }

  /** Submits a form as the page would, with the CSRF token of the last form read. */
  async post(path: string, fields: Record<string, string>): Promise<Answer> {
    if (!this.csrfToken) throw new Error('Read a page with a form before posting');
    return this.send('POST', path, new URLSearchParams({ ...fields, _csrf: this.csrfToken }).toString(), this.accept);
  }

  /** Submits a form's fields exactly as given (read from the page, its CSRF token among them). */
  submit(path: string, fields: URLSearchParams): Promise<Answer> {
    return this.send('POST', path, fields.toString(), this.accept);
  }

  /** Submits a form with files, streamed as a browser streams an upload, with the CSRF token of the last form read. */
  upload(path: string, fields: Record<string, string>, files: GeneratedFile[]): Promise<Answer> {
    if (!this.csrfToken) throw new Error('Read a page with a form before uploading');
    const body = multipartBody({ ...fields, _csrf: this.csrfToken }, files);
    return this.send('POST', path, { stream: body.stream, contentType: `multipart/form-data; boundary=${body.boundary}`, length: body.length }, this.accept);
  }

  /** Signs in through the form (the demo's password unless another is given); throws when refused. */
  async signIn(email: string, password = demoPassword): Promise<void> {
    await this.get('/sign-in');
    const answer = await this.post('/sign-in', { email, password });
    if (answer.status !== 303) throw new Error(`Signing in as ${email} answered ${answer.status}`);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | { stream: Readable; contentType: string; length: number } | undefined,
    accept: string,
  ): Promise<Answer> {
    const startedAt = Date.now();
    const headers: Record<string, string> = { accept, cookie: this.cookieHeader };
    if (typeof body === 'string') headers['content-type'] = 'application/x-www-form-urlencoded';
    else if (body) Object.assign(headers, { 'content-type': body.contentType, 'content-length': String(body.length) });
    let exchange: Answer;
    let upstream: string | null = null;
    try {
      // A stream body needs `duplex`, which the DOM types of RequestInit do not know yet.
      const payload = typeof body === 'object' ? { body: Readable.toWeb(body.stream), duplex: 'half' } : { body };
      // The signal only bounds a test that went wrong; no assertion depends on it.
      const init = { method, headers, ...payload, redirect: 'manual', signal: AbortSignal.timeout(120_000) } as RequestInit;
      const response = await fetch(new URL(path, this.baseUrl), init);
      upstream = response.headers.get('x-upstream');
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const separator = pair.indexOf('=');
        this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
      }
      const text = await response.text();
      this.csrfToken = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? this.csrfToken;
      exchange = { method, path, status: response.status, upstream, startedAt, endedAt: Date.now(), body: text, headers: response.headers };
    } catch (error) {
      // A page cut off midway still names the node that began it.
      exchange = {
        method,
        path,
        status: 0,
        upstream,
        startedAt,
        endedAt: Date.now(),
        body: error instanceof Error ? error.message : String(error),
        headers: null,
      };
    }
    if (!this.record) return exchange;
    // Pages are kept only when something went wrong: a load test reads thousands.
    const { body: text, headers: _headers, ...kept } = exchange;
    this.exchanges.push(exchange.status === 0 || exchange.status >= 500 ? { ...kept, problem: text.slice(0, 300) } : kept);
    return exchange;
  }
}
