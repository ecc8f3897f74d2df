/**
 * Each Lambda function bundles only the error tables its domain declares (defineDomain's
 * `errorTables`), so the proof is made on the bundles themselves, built with the options CDK
 * deploys: every error code quoted in a function's minified code (thrown, compared, returned by a
 * rule) must be one its domain answers with a status and message; and no undeclared feature table
 * may ride along.
 */
import { build } from 'esbuild';
import { ERRORS } from '@linli/shared';
import { PIPELINE_ERRORS } from '@linli/shared/domain-error';
import { domains } from '../../functions/src/domains';
import { quotedErrorCodes } from '../../scripts/lib/error-codes';
import { LAMBDA_BUNDLE_OPTIONS, domainEntry, separatelyBundled } from '../../scripts/lib/function-bundles';

const featureCodes = Object.keys(ERRORS).filter((code) => !Object.hasOwn(PIPELINE_ERRORS, code));

async function bundledText(domain: (typeof domains)[number]['domain']): Promise<string> {
  const result = await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: [domainEntry(domain)],
    // As deployed: packages loaded from their own file (the roster's exceljs) are not inside.
    external: [...separatelyBundled(domainEntry(domain))],
    outfile: `${domain}.js`,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** Feature codes whose table entry (`CODE:{status:…`) is in the bundle. */
const tabledCodes = (text: string) =>
  new Set(featureCodes.filter((code) => new RegExp(`[{,]${code}:\\{status:`).test(text)));

describe.each(domains.map((d) => [d.domain, d] as const))('the %s function', (domain, handlers) => {
  let text = '';
  beforeAll(async () => {
    text = await bundledText(domain);
  }, 60_000);

  it('answers every error code its bundle can raise', () => {
    expect([...quotedErrorCodes(text)].filter((code) => !handlers.errorCodes.has(code))).toEqual([]);
  });

  it('bundles the tables it declares and no other', () => {
    const declared = featureCodes.filter((code) => handlers.errorCodes.has(code));
    expect([...tabledCodes(text)].sort()).toEqual(declared.sort());
  });
});

describe('the proof', () => {
  it('sees a code the code raises and a table the bundle carries', () => {
    const minified = 'throw new e("SOLD_OUT");const t={ROSTER_FILE_EMPTY:{status:400,message:"x"}};';
    expect([...quotedErrorCodes(minified)]).toEqual(['SOLD_OUT']);
    expect([...tabledCodes(minified)]).toEqual(['ROSTER_FILE_EMPTY']);
  });
});
