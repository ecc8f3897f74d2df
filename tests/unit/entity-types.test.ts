/**
 * Every item's `type` tag is declared once, in its feature's items.ts, and merged in
 * functions/src/entity-types.ts: no code path or seed writes a tag that list does not know.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { entityTypes } from '../../functions/src/entity-types';
import { demoMenus, seedItems } from '../../scripts/lib/seed';
import { dishItem, menuItem } from '../../functions/src/canteen/items';

const root = join(__dirname, '..', '..');
const declared = new Set<string>(entityTypes);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Tags as the code writes them: `type: 'Topic'` on a built item, or `':type': 'Inbox'` / `':t':
 * 'PointsMonth'` where an UpdateItem sets the tag. Outbox event types are dotted lowercase
 * (`council.waitlisted`) and so never match.
 */
const TAG = /(?:\btype: |':t(?:ype)?': )'([A-Z][A-Za-z]+)'/g;

function writtenTags(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const files = [...sourceFiles(join(root, 'functions', 'src')), ...sourceFiles(join(root, 'scripts', 'lib'))];
  for (const file of files) {
    for (const [, tag] of readFileSync(file, 'utf8').matchAll(TAG)) {
      found.set(tag!, [...(found.get(tag!) ?? []), relative(root, file)]);
    }
  }
  return found;
}

describe('entity types', () => {
  it('declares every type tag the code writes', () => {
    const tags = writtenTags();
    const undeclared = [...tags].filter(([tag]) => !declared.has(tag)).map(([tag, files]) => `${tag} (${files[0]})`);
    expect(tags.size).toBeGreaterThan(40);
    expect(undeclared).toEqual([]);
  });

  it('declares every type tag the demo seed writes', () => {
    const now = new Date('2026-10-15T02:00:00.000Z');
    const items = [
      ...seedItems(),
      ...demoMenus(now).flatMap(({ menu, dishes }) => [menuItem(menu), ...dishes.map((d) => dishItem(menu, d))]),
    ];
    const tags = new Set(items.map((i) => i.type));
    expect(items.every((i) => typeof i.type === 'string')).toBe(true);
    expect([...tags].filter((t) => !declared.has(t as string))).toEqual([]);
  });

  it('describes every declared item type in docs/data-model.md', () => {
    const doc = readFileSync(join(root, 'docs', 'data-model.md'), 'utf8');
    const rows = new Set([...doc.matchAll(/^\| ([A-Za-z]+)[ (`|]/gm)].map((m) => m[1]));
    expect(entityTypes.filter((t) => !rows.has(t))).toEqual([]);
  });

  it('declares each tag once', () => {
    expect(entityTypes.length).toBe(declared.size);
  });
});
