import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import type { RouteDomain } from '@linli/shared';

const root = join(__dirname, '..', '..');

/**
 * esbuild options shared by CDK's NodejsFunction and the benchmark, so the bytes measured are
 * the bytes deployed. The AWS SDK is bundled (not taken from the runtime) to pin its version.
 */
export const LAMBDA_BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: false,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'silent',
};

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
