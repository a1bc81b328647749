/**
 * Fastify's JSON Schema compilers — Ajv for validation, fast-json-stringify for serialisation — loaded when a route
 * first declares a schema rather than when an app is created. The platform validates with zod (core/validation) and
 * its routes declare no JSON Schema, yet Fastify loads both up front: about a quarter of a second of every start (see
 * docs/performance/start.md, "Restart in 2 s"). A route that does declare one gets Fastify's own compilers, the same
 * as before, except that header schemas are compiled as given: Fastify lowercases their keys only for its default
 * compiler, and an app given compiler factories counts as having custom ones.
 */
import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

/** Fastify's dependencies, resolved from Fastify itself: they are its choice, pinned by its version. */
const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

let validatorFactory: ValidatorFactory | undefined;
let serializerFactory: SerializerFactory | undefined;

export const lazySchemaCompilers: Required<CompilersFactory> = {
  buildValidator(externalSchemas, options) {
    validatorFactory ??= (requireFromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)();
    return validatorFactory(externalSchemas, options);
  },
  buildSerializer(externalSchemas, options) {
    serializerFactory ??= (requireFromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)();
    return serializerFactory(externalSchemas, options);
  },
};
