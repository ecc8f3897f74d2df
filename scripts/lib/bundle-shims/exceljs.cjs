/**
 * Entry of the roster function's separate exceljs file (SEPARATELY_BUNDLED in
 * scripts/lib/function-bundles.ts): bundled on its own to node_modules/exceljs/index.js beside
 * the function's index.js, where the function's external `require("exceljs")` finds it.
 */
module.exports = require('exceljs');
