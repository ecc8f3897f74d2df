import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { routeList, toApiGatewayPath } from '@linli/shared';
import { buildOpenApi, openApiText } from '../../scripts/lib/openapi';

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 according to an independent validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(buildOpenApi());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has one operation per route, named by the route id', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const route of routeList) {
      expect(doc.paths[toApiGatewayPath(route.path)]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    }
  });

  it('is committed up to date in docs/openapi.json (run `npm run openapi`)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8');
    expect(committed).toBe(openApiText());
  });
});
