/**
 * The soak: a real server on the demo data under a steady mix of what its users do — visitors reading every public
 * page (found by following the links from the home page), people registering for an event, editors re-saving their
 * partner and practice forms — for minutes, while the server's resident memory is sampled. Target: no 5xx answer, and
 * resident memory after the warm-up grows by less than 10 % by the end (a leak grows without bound; a healthy process
 * levels off once its caches and pools are full).
 */
import { JSDOM } from 'jsdom';
import { Visitor } from '../src/core/testing/visitor.js';
import { freshDatabase, residentMegabytes, startServer, type BenchDatabase } from './support.js';

export interface SoakOptions {
  /** Measured minutes after the warm-up. */
  minutes: number;
  warmupMinutes: number;
  /** Simultaneous simulated people. */
  connections: number;
}

/** The fields a form would post as it stands (its current values, its CSRF token), with some changed by the caller. */
function formFields(html: string, action: string, overrides: Record<string, string> = {}): URLSearchParams {
  const { document, HTMLInputElement, HTMLSelectElement } = new JSDOM(html).window;
  const form = [...document.querySelectorAll('form')].find((candidate) => candidate.getAttribute('action') === action);
  if (!form) throw new Error(`No form posting to ${action}`);
  const fields = new URLSearchParams();
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')) {
    if (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type) && !element.checked) continue;
    if (element instanceof HTMLSelectElement && element.multiple) {
      for (const option of element.selectedOptions) fields.append(element.name, option.value);
      continue;
    }
    fields.append(element.name, element.value);
  }
  for (const [name, value] of Object.entries(overrides)) fields.set(name, value);
  return fields;
}

/** Every public page reachable from the home page (GET links of the site, downloads included), up to a limit. */
async function publicPages(baseUrl: string, limit = 400): Promise<string[]> {
  const browser = new Visitor(baseUrl, 'text/html', false);
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  while (queue.length && seen.size < limit) {
    const path = queue.shift() as string;
    const { status, body } = await browser.get(path);
    if (status !== 200 || !body.includes('<html')) continue;
    for (const match of body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = (match[1] as string).replaceAll('&amp;', '&');
      // Links that change state for the visitor (language, sign-in) are not pages to read.
      if (seen.has(link) || /^\/(sign-in|sign-out|password-reset|language|assets\/)/.test(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return [...seen];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Tally {
  byStatus: Map<number, number>;
  failures: number;
  registrations: number;
  saves: number;
  /** Registrations and saves that were refused: the soak must exercise its writes, not merely survive them. */
  refusedWrites: number;
}

/** Runs the soak on one database; prints the memory series and returns whether the target was met. */
export async function benchSoak(database: BenchDatabase, port: number, options: SoakOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'soak');
  const server = await startServer(fresh.env, port, { demo: true });
  try {
    const pages = await publicPages(server.baseUrl);
    const upcoming = pages.filter((path) => /^\/events\/\d+$/.test(path));
    const editor = new Visitor(server.baseUrl, 'text/html', false);
    await editor.signIn('editor.tartu@better.example');
    const tartu = /href="(\/partners\/\d+)">Tartu City Government</.exec((await editor.get('/partners')).body)?.[1];
    const tartuPractice = /href="(\/practices\/\d+)"/.exec((await editor.get(`/practices?partner=${tartu?.split('/')[2]}`)).body)?.[1];
    if (!tartu || !tartuPractice) throw new Error('The demo partner Tartu or its practice was not found');
    console.log(
      `${database}: ${pages.length} public pages, ${upcoming.length} event pages; ${options.warmupMinutes} min warm-up, ${options.minutes} min measured, ${options.connections} people at once`,
    );

    const tally: Tally = { byStatus: new Map(), failures: 0, registrations: 0, saves: 0, refusedWrites: 0 };
    const endsAt = Date.now() + (options.warmupMinutes + options.minutes) * 60_000;
    let sequence = 0;

    /** One step of a person: a registration, an editor's save or a page read; answers the status (0: no answer). */
    async function step(browser: Visitor, number: number): Promise<number> {
      if (number % 50 === 7 && upcoming.length) {
        // Someone registers for an event from its page, as the form posts it.
        const eventPath = upcoming[number % upcoming.length] as string;
        const page = await browser.get(eventPath);
        if (!page.body.includes(`action="${eventPath}/registrations"`)) return page.status;
        const fields = formFields(page.body, `${eventPath}/registrations`, {
          name: `Soak person ${number}`,
          email: `soak-${number}@example.org`,
          organisationName: 'Soak test association',
          helix: 'civil_society',
          partner: 'none',
          role: 'citizen',
          consent: 'yes',
        });
        fields.delete('organisationId');
        const answer = await browser.submit(`${eventPath}/registrations`, fields);
        // The registration answers with its confirmation page (whether the person got a place or waits).
        if (answer.status === 200) tally.registrations += 1;
        else if (answer.status !== 0) tally.refusedWrites += 1;
        return answer.status;
      }
      if (number % 50 === 23) {
        // An editor saves their partner or one of its practices as it stands.
        const path = number % 100 === 23 ? tartu! : tartuPractice!;
        const form = await editor.get(`${path}/edit`);
        const answer = await editor.submit(path, formFields(form.body, path));
        if (answer.status === 303) tally.saves += 1;
        else if (answer.status !== 0) tally.refusedWrites += 1;
        return answer.status;
      }
      return (await browser.get(pages[number % pages.length] as string)).status;
    }

    async function person(): Promise<void> {
      const browser = new Visitor(server.baseUrl, 'text/html', false);
      while (Date.now() < endsAt) {
        const status = await step(browser, sequence++);
        if (status !== 0) {
          tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
          continue;
        }
        tally.failures += 1;
        // A server that went away is not hammered in a tight loop; the failures already fail the run.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    const samples: { minute: number; megabytes: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      // A server that died is seen by the visitors' failures; its memory simply stops being sampled.
      residentMegabytes(server.pid).then(
        (megabytes) => samples.push({ minute: (Date.now() - started) / 60_000, megabytes }),
        () => undefined,
      );
    }, 2_000);
    await Promise.all(Array.from({ length: options.connections }, person));
    clearInterval(sampler);

    // Resident memory swings by tens of megabytes with each garbage collection: compare the median of the first
    // measured minute with the median of the last one, so a single sample does not decide.
    const minuteMedian = (from: number) =>
      median(samples.filter((sample) => sample.minute >= from && sample.minute < from + 1).map((sample) => sample.megabytes));
    const first = minuteMedian(options.warmupMinutes);
    const last = minuteMedian(options.warmupMinutes + options.minutes - 1);
    const growth = (last - first) / first;
    const serverErrors = [...tally.byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    const requests = [...tally.byStatus.values()].reduce((sum, n) => sum + n, 0);
    console.table(
      Array.from({ length: Math.ceil(options.warmupMinutes + options.minutes) }, (_, minute) => {
        const inMinute = samples.filter((sample) => sample.minute >= minute && sample.minute < minute + 1).map((sample) => sample.megabytes);
        return {
          minute: `${minute}–${minute + 1}`,
          'RSS min MB': Math.round(Math.min(...inMinute)),
          'RSS median MB': Math.round(median(inMinute)),
          'RSS max MB': Math.round(Math.max(...inMinute)),
        };
      }),
    );
    console.log(
      `${database}: ${requests} requests (${Math.round(requests / ((Date.now() - started) / 1000))}/s), statuses ${JSON.stringify(Object.fromEntries(tally.byStatus))}, ${tally.failures} network failures, ${tally.registrations} registrations, ${tally.saves} form saves, ${tally.refusedWrites} writes refused`,
    );
    const met = serverErrors === 0 && tally.failures === 0 && growth < 0.1 && tally.registrations > 0 && tally.saves > 0 && tally.refusedWrites === 0;
    console.log(
      `${database}: RSS ${first.toFixed(1)} MB after warm-up → ${last.toFixed(1)} MB at the end (${(growth * 100).toFixed(1)} %, target < 10 %); ${serverErrors} answers 5xx (target 0): ${met ? 'target met' : 'TARGET MISSED'}\n`,
    );
    return met;
  } finally {
    await server.stop();
    await fresh.drop();
  }
}
