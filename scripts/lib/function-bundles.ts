import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  return args;
}

/** Lambda entry file of a domain (one function per domain). */
export function domainEntry(domain: RouteDomain): string {
  return join(root, 'functions', 'src', domain, 'lambda.ts');
}

/** Domains that have a Lambda entry today. */
export function domainsWithEntries(domains: readonly RouteDomain[]): RouteDomain[] {
  return domains.filter((d) => existsSync(domainEntry(d)));
}

/** Bundles an entry to `outfile`; returns its size in bytes. */
export async function bundle(entry: string, outfile: string): Promise<number> {
  const result = await build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [entry], outfile, metafile: true });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.bytes;
}
