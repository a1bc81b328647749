/**
 * A small browser for inject tests: keeps cookies, sends forms with their CSRF token like a real page would, and
 * reads pages the way a person does (by label, role and text) through Testing Library on jsdom.
 */
import { within, type BoundFunctions, type queries } from '@testing-library/dom';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { JSDOM } from 'jsdom';
import { Readable } from 'node:stream';

export interface Page {
  status: number;
  document: Document;
  screen: BoundFunctions<typeof queries>;
  title: string;
  /** The visible text of the main landmark, spaces collapsed. */
  mainText: string;
  response: LightMyRequestResponse;
}

export function readPage(response: LightMyRequestResponse): Page {
  const { document } = new JSDOM(response.body, { url: 'http://better.test/' }).window;
  const main = document.querySelector('main');
  return {
    status: response.statusCode,
    document,
    screen: within(document.body),
    title: document.title,
    mainText: (main?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    response,
  };
}

/** What a browser would send for a form as the page shows it (the CSRF field left to the sender), a repeated name as a list. */
export function formFields(form: HTMLFormElement): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new (form.ownerDocument.defaultView as Window & typeof globalThis).FormData(form)) {
    if (name === '_csrf' || typeof value !== 'string') continue;
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return fields;
}

export interface GeneratedFile {
  field: string;
  filename: string;
  sizeBytes: number;
  head?: Buffer;
}

/** A multipart body generated piece by piece: its boundary, its exact length, and the stream that produces it. */
export function multipartBody(fields: Record<string, string>, files: GeneratedFile[]): { boundary: string; length: number; stream: Readable } {
  const boundary = '----better-test-boundary';
  const fieldParts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const fileHeader = (file: GeneratedFile) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
  const closing = Buffer.from(`--${boundary}--\r\n`);
  const length =
    fieldParts.reduce((sum, part) => sum + part.length, 0) +
    files.reduce((sum, file) => sum + fileHeader(file).length + file.sizeBytes + 2, 0) +
    closing.length;
  const block = Buffer.alloc(64 * 1024, 0x20);
  async function* pieces() {
    yield* fieldParts;
    for (const file of files) {
      yield fileHeader(file);
      const head = file.head ?? Buffer.alloc(0);
      yield head;
      for (let left = file.sizeBytes - head.length; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
      yield Buffer.from('\r\n');
    }
    yield closing;
  }
  return { boundary, length, stream: Readable.from(pieces(), { objectMode: false }) };
}

export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0;
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { ...this.headers, cookie: this.cookieHeader(), ...headers } });
    this.remember(response);
    return response;
  }

  async page(url: string): Promise<Page> {
    return readPage(await this.get(url));
  }

  /** The CSRF token a form on the site would carry now (the layout's sign-out form, or the reset form when signed out). */
  async csrfToken(): Promise<string> {
    for (const url of ['/account', '/password-reset']) {
      const response = await this.get(url);
      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
      if (response.statusCode === 200 && token) return token;
    }
    throw new Error('No page offered a CSRF token');
  }

  /** Posts a form as a browser would, CSRF token included unless a test gives its own. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string | false; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    if (options.csrf !== false) body.set('_csrf', options.csrf ?? (await this.csrfToken()));
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...options.headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a multipart form with files, as a browser's file upload would, CSRF token included unless refused. */
  async upload(
    url: string,
    files: Record<string, { filename: string; content: string | Buffer; contentType?: string }>,
    fields: Record<string, string> = {},
    options: { csrf?: false } = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = '----better-test-boundary';
    const all = options.csrf === false ? fields : { _csrf: await this.csrfToken(), ...fields };
    const parts: Buffer[] = Object.entries(all).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    for (const [name, file] of Object.entries(files)) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : file.content, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { ...this.headers, 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
    });
    this.remember(response);
    return response;
  }

  /**
   * Posts a multipart form whose files are generated while it is sent (never held whole, as a browser streams a large
   * file), with the Content-Length a browser declares (unless told not to, as a chunked body has none). Each file is its `head` followed by spaces up to its size.
   */
  async uploadStream(
    url: string,
    files: GeneratedFile[],
    fields: Record<string, string> = {},
    options: { csrf?: false; headers?: Record<string, string>; onSent?: () => void; declareLength?: false } = {},
  ): Promise<LightMyRequestResponse> {
    const all = options.csrf === false ? fields : { _csrf: await this.csrfToken(), ...fields };
    const body = multipartBody(all, files);
    if (options.onSent) body.stream.once('end', options.onSent);
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.stream,
      headers: {
        ...this.headers,
        'content-type': `multipart/form-data; boundary=${body.boundary}`,
        ...(options.declareLength === false ? {} : { 'content-length': String(body.length) }),
        cookie: this.cookieHeader(),
        ...options.headers,
      },
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`Sign-in failed with ${response.statusCode}`);
    return response;
  }
}

/** A browser already signed in as the given user. */
export async function signedInBrowser(app: FastifyInstance, user: { email: string; password: string }): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return browser;
}
