import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import type { RouteDomain } from '@linli/shared';

const root = join(__dirname, '..', '..');

/**
 * Module paths replaced in every Lambda bundle by a stand-in that loads the original lazily
 * (scripts/lib/bundle-shims). Plain esbuild aliases, not plugins: CDK's NodejsFunction runs the
 * esbuild CLI, which takes `--alias` but no plugin (infra/lib/app-function.ts passes these).
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  'node:stream/web': join(root, 'scripts', 'lib', 'bundle-shims', 'lazy-stream-web.cjs'),
};

/**
 * esbuild options shared by CDK's NodejsFunction and the benchmark, so the bytes measured are
 * the bytes deployed. The AWS SDK is bundled (not taken from the runtime) to pin its version.
 * Bundles are built from the repository root (absWorkingDir), as CDK does with projectRoot, so
 * module ids inside the bundle are the same too.
 */
export const LAMBDA_BUNDLE_OPTIONS: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  sourcemap: false,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'silent',
  alias: { ...LAMBDA_BUNDLE_ALIASES },
  // An `import()` of an external package (SEPARATELY_BUNDLED below) becomes `require()`: node's
  // ESM loader would not find node_modules/<package>/index.js's named exports (a bundle's
  // `module.exports = …` hides them from its CommonJS lexer), and require needs no ESM loader.
  supported: { 'dynamic-import': false },
};

/**
 * The options NodejsFunction has no property for, as its `esbuildArgs` (CLI flags). Anything
 * else in LAMBDA_BUNDLE_OPTIONS must be mapped to a NodejsFunction property by app-function.ts.
 */
export function lambdaEsbuildArgs(): Record<string, string | string[]> {
  const args: Record<string, string | string[]> = {};
  if (LAMBDA_BUNDLE_OPTIONS.legalComments !== undefined) args['--legal-comments'] = LAMBDA_BUNDLE_OPTIONS.legalComments;
  const aliases = Object.entries(LAMBDA_BUNDLE_OPTIONS.alias ?? {});
  if (aliases.length > 0) args['--alias'] = aliases.map(([from, to]) => `${from}=${to}`);
  for (const [feature, on] of Object.entries(LAMBDA_BUNDLE_OPTIONS.supported ?? {})) {
    args[`--supported:${feature}`] = String(on);
  }
  return args;
}

/**
 * Every option of LAMBDA_BUNDLE_OPTIONS as esbuild CLI flags, for the builds CDK runs in a shell
 * hook (the separately bundled packages below), where no NodejsFunction property maps them.
 * An option added to LAMBDA_BUNDLE_OPTIONS without a flag here throws, so the hook cannot
 * quietly build with other options than the benchmark; tests/infra compares the bytes too.
 */
export function lambdaEsbuildCliFlags(): string[] {
  const o = LAMBDA_BUNDLE_OPTIONS;
  // absWorkingDir is the hook's working directory (CDK runs hooks from projectRoot) and logLevel
  // the CLI's own: neither changes the bytes.
  const mapped = [
    'absWorkingDir',
    'logLevel',
    'bundle',
    'minify',
    'sourcemap',
    'platform',
    'target',
    'format',
    'mainFields',
    'legalComments',
    'alias',
    'supported',
  ];
  const unmapped = Object.keys(o).filter((option) => !mapped.includes(option));
  if (unmapped.length > 0) throw new Error(`No esbuild CLI flag for bundle option(s) ${unmapped.join(', ')}`);
  return [
    ...(o.bundle ? ['--bundle'] : []),
    ...(o.minify ? ['--minify'] : []),
    ...(o.sourcemap ? ['--sourcemap'] : []),
    `--platform=${String(o.platform)}`,
    `--target=${String(o.target)}`,
    `--format=${String(o.format)}`,
    ...(o.mainFields ? [`--main-fields=${o.mainFields.join(',')}`] : []),
    ...(o.legalComments ? [`--legal-comments=${o.legalComments}`] : []),
    ...Object.entries(o.alias ?? {}).map(([from, to]) => `--alias:${from}=${to}`),
    ...Object.entries(o.supported ?? {}).map(([feature, on]) => `--supported:${feature}=${String(on)}`),
  ];
}

/**
 * Packages a function needs only on a rare path, built into their own file beside the function's
 * index.js, at `node_modules/<package>/index.js`, instead of inside it. esbuild inlines a dynamic
 * `import()` into the one CJS file, so V8 would still compile those bytes at every cold start;
 * marked external, the import becomes `require("<package>")`, which node resolves from /var/task
 * to the separate file on first use. Keyed by the entry's path from the repository root. Each
 * package has a one-line entry that re-exports it in scripts/lib/bundle-shims/<package>.cjs.
 * `bundle()` (the benchmark) and AppFunction (CDK: `externalModules` plus an afterBundling hook
 * running the same esbuild flags) both read this list. Nothing is npm-installed into the asset.
 */
export const SEPARATELY_BUNDLED: Readonly<Record<string, readonly string[]>> = {
  // exceljs and what it pulls in (jszip, unzipper, saxes, readable-stream, bluebird, fast-csv, …),
  // over 1 MB minified: needed only when staff upload an XLSX roster, never for CSV or the lists.
  'functions/src/roster/lambda.ts': ['exceljs'],
};

/** The packages the function of `entry` (an absolute path) loads from their own files. */
export function separatelyBundled(entry: string): readonly string[] {
  return SEPARATELY_BUNDLED[relative(root, entry).split(sep).join('/')] ?? [];
}

/** A separately bundled package's file, relative to the directory of the function's index.js. */
export const separateBundleFile = (pkg: string): string => join('node_modules', pkg, 'index.js');

/** The entry that re-exports a separately bundled package. */
export const separateBundleEntry = (pkg: string): string => join(root, 'scripts', 'lib', 'bundle-shims', `${pkg}.cjs`);

/** Lambda entry file of a domain (one function per domain). */
export function domainEntry(domain: RouteDomain): string {
  return join(root, 'functions', 'src', domain, 'lambda.ts');
}

/** Domains that have a Lambda entry today. */
export function domainsWithEntries(domains: readonly RouteDomain[]): RouteDomain[] {
  return domains.filter((d) => existsSync(domainEntry(d)));
}

export interface FunctionBundle {
  /** Size of the function's own file, what every cold start loads. */
  bytes: number;
  /** Its separately bundled packages (SEPARATELY_BUNDLED), each loaded on first use. */
  separate: { pkg: string; file: string; bytes: number }[];
}

async function buildOne(entry: string, outfile: string, external: readonly string[] = []): Promise<number> {
  const result = await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: [entry],
    outfile,
    external: [...external],
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.bytes;
}

/**
 * Bundles an entry to `outfile` as CDK deploys it: the function's file, and each of its
 * separately bundled packages at `node_modules/<package>/index.js` beside it.
 */
export async function bundle(entry: string, outfile: string): Promise<FunctionBundle> {
  const packages = separatelyBundled(entry);
  const bytes = await buildOne(entry, outfile, packages);
  const separate = [];
  for (const pkg of packages) {
    const file = join(dirname(outfile), separateBundleFile(pkg));
    separate.push({ pkg, file, bytes: await buildOne(separateBundleEntry(pkg), file) });
  }
  return { bytes, separate };
}
