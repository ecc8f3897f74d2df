/**
 * Which error codes each route can answer with, derived from the code: the codes its domain's
 * Lambda can raise (every string literal naming an error code in the files its handlers import,
 * followed through relative and @linli/shared imports) plus those the shared pipeline raises
 * for a route of its kind (token, role, scope, body, acting-for, idempotency).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ERRORS, type ErrorCode, type RouteDef, type RouteDomain } from '@linli/shared';

const ROOT = join(__dirname, '..', '..');
const SHARED = join(ROOT, 'shared', 'src');
/** The pipeline's own files: their codes are added per route below, by what the route is. */
const PIPELINE_DIRS = [join(ROOT, 'functions', 'src', 'platform'), join(ROOT, 'functions', 'src', 'local')];

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@linli/shared')
    ? join(SHARED, spec.slice('@linli/shared'.length) || 'index')
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : undefined;
  if (!base) return undefined;
  return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => p.endsWith('.ts') && existsSync(p));
}

const codesByDomain = new Map<RouteDomain, Set<ErrorCode>>();

/** Codes raised by the domain's own files and everything they import, the pipeline left out. */
export function domainErrorCodes(domain: RouteDomain): Set<ErrorCode> {
  const known = codesByDomain.get(domain);
  if (known) return known;
  const codes = new Set<ErrorCode>();
  const seen = new Set<string>();
  const queue = [join(ROOT, 'functions', 'src', domain, 'handlers.ts')];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    if (!PIPELINE_DIRS.some((dir) => file.startsWith(dir))) {
      for (const [, word] of text.matchAll(/['"`]([A-Z][A-Z_]+)['"`]/g)) {
        if (Object.hasOwn(ERRORS, word!)) codes.add(word as ErrorCode);
      }
    }
    for (const [, spec] of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
      const next = resolveImport(file, spec!);
      if (next) queue.push(next);
    }
  }
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
