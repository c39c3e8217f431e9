/** The online contest: rules, drawing, scoring, time and ranking (pure). */
export * from './rules.js';
export * from './random.js';
export * from './draw.js';
export * from './scoring.js';
export * from './timing.js';
export * from './ranking.js';
export * from './identity.js';
export * from './bank-import.js';
export * from './challenge.js';
