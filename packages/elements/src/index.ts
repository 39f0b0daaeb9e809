// ESM entry for bundler users: the classes, and their registration as a side effect.
import './clause-tools/define.js';
import './document/define.js';
import './interpretation/define.js';
import './policy/define.js';
// gk-qa (define below)
import './qa/define.js';
// gk-chart and gk-graphic (define below)
import './chart/define.js';
import './graphic/define.js';
// gk-consultation (define below)
import './consultation/define.js';
// gk-feedback (define below)
// gk-review (define below)

export { GkChart } from './chart/chart.js';
export { GkClauseTools } from './clause-tools/clause-tools.js';
export { GkDocument } from './document/document.js';
export { GkClauseChangeEvent, GkClauseRequestEvent, GkNoteRequestEvent } from './events/clause.js';
export { GkReaderChangeEvent } from './events/reader.js';
export { GkErrorEvent, type GkReadyDetail, GkReadyEvent } from './events/ready.js';
export { GkGraphic } from './graphic/graphic.js';
export { GkInterpretation, type InterpretationLayout } from './interpretation/interpretation.js';
export { GkPolicy } from './policy/policy.js';
export { GkQa } from './qa/qa.js';
// gk-consultation (exports below)
export { GkConsultation } from './consultation/consultation.js';
export { GkCommentReceiptEvent, GkCommentRequestEvent } from './events/consultation.js';
// gk-feedback (exports below)
// gk-review (exports below)
