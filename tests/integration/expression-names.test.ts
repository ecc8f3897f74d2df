/**
 * Every attribute name written bare (without a `#alias`) in an expression of the functions'
 * source is one DynamoDB accepts. DynamoDB itself is the judge: each bare name is tried in a
 * projection expression against DynamoDB Local, which refuses its reserved words (`capacity`,
 * `status`, `name`, …) with a ValidationException, the 500 a route would meet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';

const SOURCE_ROOT = join(__dirname, '..', '..', 'functions', 'src');

/** Words of the expression grammar itself, and its functions. */
const GRAMMAR = new Set([
  'SET',
  'ADD',
  'REMOVE',
  'DELETE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'BETWEEN',
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
  'list_append',
  'if_not_exists',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Bare attribute names in every expression literal, with where they were found. */
function bareNames(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  // Only values that are one whole literal (a nested template or a ternary is built, not written).
  const literal = /(?:Update|Condition|KeyCondition|Filter|Projection)Expression:\s*(['`])([^'`]*?)\1\s*[,\n]/g;
  const appended = /condition \+= '([^']*)'/g;
  for (const file of sourceFiles(SOURCE_ROOT)) {
    const text = readFileSync(file, 'utf8');
    const expressions = [...text.matchAll(literal)].map((m) => m[2]!);
    expressions.push(...[...text.matchAll(appended)].map((m) => m[1]!));
    for (const expression of expressions) {
      const names = expression
        .replace(/\$\{[^}]*\}/g, ' ')
        .replace(/[#:][A-Za-z0-9_]+/g, ' ')
        .match(/[A-Za-z_][A-Za-z0-9_]*/g);
      for (const name of names ?? []) {
        if (GRAMMAR.has(name)) continue;
        found.set(name, [...(found.get(name) ?? []), file.slice(SOURCE_ROOT.length + 1)]);
      }
    }
  }
  return found;
}

describe('expression attribute names', () => {
  const names = bareNames();

  it('finds the expressions it checks', () => {
    // The scan must see the repositories' expressions, or the check below would pass vacuously.
    expect(names.size).toBeGreaterThan(10);
    expect(names.has('pk')).toBe(true);
  });

  it('uses no DynamoDB reserved word bare in any expression', async () => {
    const refused: string[] = [];
    for (const [name, files] of names) {
      try {
        await documentClient.send(
          new GetCommand({
            TableName: tableName,
            Key: { pk: 'EXPRESSION-NAMES', sk: 'PROBE' },
            ProjectionExpression: name,
          }),
        );
      } catch (error) {
        refused.push(`${name} (${[...new Set(files)].join(', ')}): ${(error as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
