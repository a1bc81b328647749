/**
 * The manifest of a capability module: everything the module gives the platform and takes from the other modules is
 * declared here, and the platform installs the manifests together (`installModules`). Nothing registers itself by
 * being imported, so what a module does is read in one place: its `index.ts`.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Db, Tx } from './db/database.js';
import type { Contribution, ExtensionPoint } from './extensions.js';
import type { ApiDescription } from './http/openapi.js';
import type { PeriodicTask } from './jobs/worker.js';
import { defineGrants, type Grant, type PolicyAction } from './policy/policy.js';
import type { NavigationItem } from './views/navigation.js';
import { keptWorkPersonalData } from './http/kept-personal-data.js';

/** What a module's demo seed leaves for the seeds after it, by record name; modules add theirs by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DemoRecords {}

/** The figures a demo load reports (partners, practices, …); modules add theirs by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DemoCounts {}

export interface DemoOptions {
  /** The demo accounts' password hash, when the caller made it already (tests and benchmarks skip argon2). */
  passwordHash?: string;
}

export interface DemoSeed {
  /** The modules whose demo records this seed reads: the platform runs their seeds first. */
  after?: readonly string[];
  run(trx: Tx, earlier: Readonly<DemoRecords>, options: DemoOptions): Promise<{ records?: Partial<DemoRecords>; counts?: Partial<DemoCounts> }>;
}

/**
 * Records that name a person kept by a module (who recorded a transfer stage, who scored an assessment): the
 * person's download includes them and erasing the person removes their name from them.
 */
export interface PersonalDataHolder {
  /** The key of the module's part in the person's download. */
  name: string;
  exportFor(db: Db, userId: number): Promise<unknown>;
  /** Replaces the person's name with `label` in the module's records, which stay. */
  erase(trx: Tx, userId: number, label: string): Promise<void>;
}

export interface PlatformModule {
  name: string;
  routes: FastifyPluginAsync;
  navigation?: NavigationItem[];
  tasks?: (app: FastifyInstance) => PeriodicTask[];
  /**
   * Reads into the node's memory what the module keeps there (an index, a catalogue), started once the node serves so
   * that the first request after a start does not wait for it; a failure leaves that work to the first request.
   */
  prepare?: (db: Db) => Promise<unknown>;
  /** The module's JSON endpoints, for the OpenAPI description at /openapi.json. */
  api?: ApiDescription;
  /** Who may perform the module's policy actions (declared in its policy.ts). */
  grants?: Partial<Record<PolicyAction, Grant>>;
  seed?: DemoSeed;
  personalData?: PersonalDataHolder;
  /** Extension points the module reads, which other modules fill. */
  offers?: readonly ExtensionPoint<unknown>[];
  /** What the module adds to other modules' extension points. */
  fills?: readonly Contribution[];
}

/** Why a set of manifests cannot be installed together, or [] when it can. */
export function manifestProblems(modules: readonly PlatformModule[]): string[] {
  const names = new Set<string>();
  const problems: string[] = [];
  for (const { name } of modules) {
    if (names.has(name)) problems.push(`Two modules are named ${name}`);
    names.add(name);
  }
  const offered = new Map(modules.flatMap((module) => (module.offers ?? []).map((point) => [point, module.name] as const)));
  for (const module of modules) {
    for (const dependency of module.seed?.after ?? []) {
      if (!modules.some((other) => other.name === dependency && other.seed))
        problems.push(`The demo seed of ${module.name} runs after ${dependency}, which has no seed`);
    }
    for (const { point } of module.fills ?? []) {
      if (!offered.has(point)) problems.push(`${module.name} fills ${point.id}, which no installed module offers`);
    }
  }
  for (const point of offered.keys()) {
    const fillers = modules.filter((module) => (module.fills ?? []).some((fill) => fill.point === point));
    if (point.single && fillers.length > 1) problems.push(`${point.id} takes one contribution; ${fillers.map((module) => module.name).join(' and ')} fill it`);
  }
  return problems;
}

/** The modules with a demo seed, each after the modules it names (then in the platform's order). */
export function seedOrder(modules: readonly PlatformModule[]): PlatformModule[] {
  const ordered: PlatformModule[] = [];
  const visiting = new Set<string>();
  const visit = (module: PlatformModule) => {
    if (ordered.includes(module)) return;
    if (visiting.has(module.name)) throw new Error(`The demo seeds of ${[...visiting].join(', ')} wait for each other`);
    visiting.add(module.name);
    for (const dependency of module.seed?.after ?? []) {
      const before = modules.find((other) => other.name === dependency);
      if (before) visit(before);
    }
    visiting.delete(module.name);
    ordered.push(module);
  };
  for (const module of modules) if (module.seed) visit(module);
  return ordered;
}

let installed: readonly PlatformModule[] | undefined;

/**
 * Installs the manifests: registers their policy grants and makes their contributions and personal-data holders
 * visible. Called once per process by the composition root (app, command line, benchmarks, tests' set-up); installing
 * the same list again changes nothing.
 */
export function installModules(modules: readonly PlatformModule[]): void {
  if (installed === modules) return;
  if (installed) throw new Error('The platform modules are installed already');
  const problems = manifestProblems(modules);
  if (problems.length > 0) throw new Error(`The modules cannot be installed: ${problems.join('; ')}`);
  for (const module of modules) if (module.grants) defineGrants(module.grants);
  installed = modules;
}

export function installedModules(): readonly PlatformModule[] {
  if (!installed) throw new Error('The platform modules are not installed (installModules)');
  return installed;
}

/** What the installed modules add to an extension point, in the platform's module order. */
export function contributionsTo<T>(point: ExtensionPoint<T>): T[] {
  return installedModules().flatMap((module) => (module.fills ?? []).filter((fill) => fill.point === point).map((fill) => fill.value as T));
}

export function personalDataHolders(): PersonalDataHolder[] {
  // Kept work (core/http/kept) is the platform's own: a person's unsaved forms and files go with the person.
  return [...installedModules().flatMap((module) => (module.personalData ? [module.personalData] : [])), keptWorkPersonalData];
}
