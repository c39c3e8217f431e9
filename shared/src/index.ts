/** @cchc/shared: the CCHC domain and API contracts, free of any framework. */
export * from './text/vietnamese.js';
export * from './text/format.js';
export * from './time/quarters.js';
export * from './domain/reform-areas.js';
export * from './domain/formats.js';
export * from './domain/agency-kinds.js';
export * from './contracts/common.js';
export * from './contracts/taxonomy.js';
export * from './contracts/agencies.js';
export * from './contracts/articles.js';
export * from './contracts/home.js';
export * from './contracts/plans.js';
