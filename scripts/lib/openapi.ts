import { toJSONSchema, type $ZodType } from 'zod/v4/core';
import { routeErrorCodes } from './error-codes';
import { ERRORS, ErrorBody, pathParamNames, routeList, toApiGatewayPath, type RouteDef } from '@linli/shared';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: $ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest as JsonSchema;
};

function parametersOf(route: RouteDef) {
  const params: Record<string, unknown>[] = [];
  const pathSchema = toSchema(route.schemas().params, 'input') as { properties?: Record<string, JsonSchema> };
  for (const name of pathParamNames(route.path)) {
    params.push({ name, in: 'path', required: true, schema: pathSchema.properties?.[name] ?? { type: 'string' } });
  }
  const querySchema = toSchema(route.schemas().query, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  for (const [name, schema] of Object.entries(querySchema.properties ?? {})) {
    params.push({ name, in: 'query', required: querySchema.required?.includes(name) ?? false, schema });
  }
  if (route.actingFor) {
    params.push({
      name: 'X-Acting-For',
      in: 'header',
      required: false,
      description: '代办：为所照护的居民办理时，填写该居民的居民编号',
      schema: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    });
  }
  if (route.idempotent) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: '重试时携带同一个值，服务端只执行一次并返回相同结果',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
    });
  }
  return params;
}

/** A route takes a body unless its body schema is the empty object (unions count as bodies). */
function hasBody(route: RouteDef): boolean {
  const schema = toSchema(route.schemas().body, 'input') as { properties?: object; anyOf?: unknown; oneOf?: unknown };
  return (
    route.method !== 'GET' &&
    (schema.anyOf !== undefined || schema.oneOf !== undefined || Object.keys(schema.properties ?? {}).length > 0)
  );
}

/** Error statuses a route can answer with: those of every error code it can raise. */
function errorStatuses(route: RouteDef): number[] {
  return [...new Set(routeErrorCodes(route, hasBody(route)).map((code) => ERRORS[code].status))].sort();
}

/** The OpenAPI 3.1 document of the route table. */
export function buildOpenApi(routes: RouteDef[] = routeList): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toApiGatewayPath(route.path);
    const status = route.successStatus ?? 200;
    const responses: Record<string, unknown> = {
      [String(status)]:
        status === 204
          ? { description: '成功' }
          : {
              description: '成功',
              content: {
                [route.responseType === 'text' ? 'text/plain' : 'application/json']: {
                  schema: toSchema(route.schemas().response, 'output'),
                },
              },
            },
    };
    for (const s of errorStatuses(route)) responses[String(s)] = { $ref: '#/components/responses/Error' };
    const errorCodes = routeErrorCodes(route, hasBody(route));
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.domain],
      ...(route.roles === 'public'
        ? { security: [] }
        : {
            security: [{ bearer: [] }],
            'x-linli-roles': route.roles === 'authenticated' ? ['authenticated'] : [...route.roles],
            'x-linli-scope': route.scope,
          }),
      parameters: parametersOf(route),
      ...(hasBody(route)
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.schemas().body, 'input') } },
            },
          }
        : {}),
      responses,
      'x-linli-error-codes': errorCodes,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linli 邻里 API',
      version: '0.1.0',
      description: '邻里：社区议事、长者食堂、志愿积分。错误码见 x-linli-error-codes。',
    },
    servers: [{ url: 'http://127.0.0.1:3001', description: 'local dev stack' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorBody: toSchema(ErrorBody(), 'output') },
      responses: {
        Error: {
          description: '错误：code 为稳定的错误码，message 为中文说明',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        },
      },
    },
    'x-linli-error-codes': Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e])),
  };
}

/** The document as committed to docs/openapi.json. */
export function openApiText(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}
