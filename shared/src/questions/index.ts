/** Citizens' questions and feedback: the path of an item, working days, lookup codes, masking of contact details (pure). */
export * from './states.js';
export * from './working-days.js';
export * from './lookup-code.js';
export * from './redaction.js';
export * from './contact.js';
export * from './figures.js';
