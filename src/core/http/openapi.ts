/**
 * The OpenAPI 3.1 description of the platform's JSON API, served at /openapi.json. Each module describes its own
 * paths; the response bodies are zod schemas, turned into JSON Schema here, and the modules' tests parse real
 * responses with the same schemas, so the description cannot drift from what the API sends.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

/** A JSON Schema (2020-12), as OpenAPI 3.1 uses them. */
export type JsonSchema = Record<string, unknown>;

export interface ApiParameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}

export interface ApiResponse {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface ApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: ApiParameter[];
  responses: Record<string, ApiResponse>;
}

export interface ApiDescription {
  /** Path items by path; bodies refer to schemas as `#/components/schemas/Name`. */
  paths: Record<string, { get?: ApiOperation; post?: ApiOperation }>;
  schemas?: Record<string, z.ZodType>;
}

/** The body of every refusal: a stable machine-readable code (not_found, unauthenticated, forbidden, …). */
export const errorSchema = z
  .strictObject({
    error: z.string().meta({ description: 'A stable code: not_found, unauthenticated, forbidden, invalid, …' }),
    message: z.string().optional().meta({ description: 'The same in words, in the language of the request' }),
    requestId: z.string().optional().meta({ description: 'Quote it when reporting a problem: it finds the request in the logs' }),
  })
  .meta({ description: 'A refused or failed request' });

export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** A JSON response with the given schema, for a path item. */
export function jsonResponse(description: string, schema: JsonSchema): ApiResponse {
  return { description, content: { 'application/json': { schema } } };
}

export const errorResponses = {
  '404': jsonResponse('No such resource, or not visible to the caller', schemaRef('Error')),
} satisfies Record<string, ApiResponse>;

function jsonSchemaOf(schema: z.core.$ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  // Components are embedded in the document, which declares the JSON Schema dialect once.
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return jsonSchema;
}

function queryValueSchema(jsonSchema: JsonSchema): JsonSchema {
  const { anyOf, ...rest } = jsonSchema;
  // A query string cannot carry null: in a query schema it stands for an absent or unusable value.
  const present = Array.isArray(anyOf) ? (anyOf as JsonSchema[]).filter((branch) => branch.type !== 'null') : undefined;
  const value = present?.length === 1 ? { ...rest, ...present[0] } : jsonSchema;
  // zod bounds every whole number to the safe integers, which tells a client nothing.
  const cleaned: JsonSchema = Object.fromEntries(
    Object.entries(value).filter(
      ([key, bound]) => !(key === 'minimum' && bound === Number.MIN_SAFE_INTEGER) && !(key === 'maximum' && bound === Number.MAX_SAFE_INTEGER),
    ),
  );
  if (typeof cleaned.items === 'object' && cleaned.items !== null) cleaned.items = queryValueSchema(cleaned.items as JsonSchema);
  return cleaned;
}

/**
 * The query parameters of an operation, read from the zod schema that parses its query string, so the description
 * cannot drift from the parser; a field's `.meta({ description })` becomes the parameter's. The platform's query
 * schemas drop what they cannot use instead of refusing it, so no parameter is required; a list is sent by repeating
 * its parameter.
 */
export function queryParametersFrom(schema: z.ZodObject<z.core.$ZodShape>): ApiParameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchemaOf(field, 'input');
    const valueSchema = queryValueSchema(fieldSchema);
    return {
      name,
      in: 'query',
      ...(typeof description === 'string' ? { description } : {}),
      schema: valueSchema,
      ...(valueSchema.type === 'array' ? { style: 'form', explode: true } : {}),
    } satisfies ApiParameter;
  });
}

export function openApiDocument(descriptions: ApiDescription[], publicUrl: string, version: string) {
  const schemas: Record<string, JsonSchema> = { Error: jsonSchemaOf(errorSchema) };
  const paths: ApiDescription['paths'] = {};
  for (const description of descriptions) {
    Object.assign(paths, description.paths);
    for (const [name, schema] of Object.entries(description.schemas ?? {})) schemas[name] = jsonSchemaOf(schema);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'BETTER platform API',
      version,
      description:
        'Read access to the programme data as JSON. Every page of the platform answers in JSON at its own address when asked with `Accept: application/json`; ' +
        'anonymous callers see what the public portal shows, and a signed-in session cookie adds what its roles allow.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: publicUrl }],
    paths,
    components: { schemas },
  };
}

export function openApiPlugin(descriptions: ApiDescription[], version: string): FastifyPluginAsync {
  return async (app) => {
    const document = openApiDocument(descriptions, app.config.publicUrl, version);
    app.get('/openapi.json', { config: { public: true } }, async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(document));
  };
}
