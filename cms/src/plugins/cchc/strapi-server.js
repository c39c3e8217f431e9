'use strict';
// The server part is TypeScript compiled by server/tsconfig.json into dist/server
// (scripts/run.mjs builds it before Strapi starts).
module.exports = require('./dist/server/index.js').default;
