/**
 * Which error codes each route can answer with, derived from the code: the codes its domain's
 * Lambda can raise (every error code quoted in the domain's handlers bundled with esbuild, tree
 * shaken, the pipeline and the packages left out) plus those the shared pipeline raises for a
 * route of its kind (token, role, scope, body, acting-for, idempotency).
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ERRORS, type ErrorCode, type RouteDef, type RouteDomain } from '@linli/shared';

const ROOT = join(__dirname, '..', '..');

/**
 * The error codes a bundle names as string literals (thrown, compared, returned by a rule); an
 * error table's own keys are bare property names in minified code and do not count.
 */
export function quotedErrorCodes(bundleText: string): Set<ErrorCode> {
  return new Set(
    [...bundleText.matchAll(/["'`]([A-Z][A-Z_]+)["'`]/g)]
      .map((m) => m[1]!)
      .filter((word): word is ErrorCode => Object.hasOwn(ERRORS, word)),
  );
}

const codesByDomain = new Map<RouteDomain, Set<ErrorCode>>();

/**
 * Codes the domain's own code can raise: its handlers bundled as esbuild bundles the Lambda, so
 * only what the function really reaches counts (a feature's index.ts re-exporting more does not
 * widen it), with the pipeline (platform/, answered per route below) and node_modules left out.
 */
export function domainErrorCodes(domain: RouteDomain): Set<ErrorCode> {
  const known = codesByDomain.get(domain);
  if (known) return known;
  const result = buildSync({
    absWorkingDir: ROOT,
    entryPoints: [join('functions', 'src', domain, 'handlers.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['../platform/*'],
    write: false,
    outfile: 'codes.js',
    logLevel: 'silent',
  });
  const codes = quotedErrorCodes(result.outputFiles[0]!.text);
  codesByDomain.set(domain, codes);
  return codes;
}

/** What the shared pipeline can answer for this route, before and around its handler. */
export function pipelineErrorCodes(route: RouteDef, hasBody: boolean): ErrorCode[] {
  const codes: ErrorCode[] = ['VALIDATION_FAILED', 'PATH_ENCODING_INVALID', 'INTERNAL', 'SERVICE_UNAVAILABLE'];
  if (route.method !== 'GET') codes.push('MALFORMED_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE');
  if (hasBody) codes.push('MALFORMED_JSON');
  if (route.roles !== 'public') codes.push('UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'FORBIDDEN');
  if (route.scope === 'community' && route.roles !== 'public') codes.push('OUT_OF_SCOPE');
  codes.push(route.actingFor ? 'ACTING_FOR_INVALID' : 'ACTING_FOR_UNSUPPORTED');
  if (route.actingFor) codes.push('MEMBER_NOT_FOUND', 'ACTING_FOR_NOT_ALLOWED');
  if (route.idempotent) codes.push('IDEMPOTENCY_KEY_INVALID', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_IN_PROGRESS');
  return codes;
}

/** Every code a client can meet on this route, sorted. */
export function routeErrorCodes(route: RouteDef, hasBody: boolean): ErrorCode[] {
  return [...new Set([...pipelineErrorCodes(route, hasBody), ...domainErrorCodes(route.domain)])].sort();
}
