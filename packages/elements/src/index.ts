// ESM entry for bundler users: the classes, and their registration as a side effect.
import './clause-tools/define.js';
import './document/define.js';
import './interpretation/define.js';
import './policy/define.js';
// gk-qa (define below)
// gk-chart and gk-graphic (define below)

export { GkClauseTools } from './clause-tools/clause-tools.js';
export { GkDocument } from './document/document.js';
export { GkClauseChangeEvent, GkNoteRequestEvent } from './events/clause.js';
export { GkReaderChangeEvent } from './events/reader.js';
export { GkErrorEvent, type GkReadyDetail, GkReadyEvent } from './events/ready.js';
export { GkInterpretation, type InterpretationLayout } from './interpretation/interpretation.js';
export { GkPolicy } from './policy/policy.js';
