// jest's testTimeout is a global option; each slow tier sets its own here.
jest.setTimeout(120_000);
