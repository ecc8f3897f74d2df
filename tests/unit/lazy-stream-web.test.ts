import { LAMBDA_BUNDLE_ALIASES } from '../../scripts/lib/function-bundles';

/* eslint-disable @typescript-eslint/no-require-imports -- both modules as CommonJS sees them */
const real = require('node:stream/web') as Record<string, unknown>;
const lazy = require(LAMBDA_BUNDLE_ALIASES['node:stream/web']!) as Record<string, unknown>;
/* eslint-enable @typescript-eslint/no-require-imports */

describe('the lazy node:stream/web stand-in of the Lambda bundles', () => {
  it('offers every export of the running node, each the very same value', () => {
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(real).sort());
    for (const [name, value] of Object.entries(real)) expect(lazy[name]).toBe(value);
  });
});
