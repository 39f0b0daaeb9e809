// ESM entry for bundler users: the classes, and their registration as a side effect.
// The staff console and the drafter's workbench are in '@gongkai/elements/staff'.
import './chart/define.js';
import './clause-tools/define.js';
import './consultation/define.js';
import './consultation/follow-define.js';
import './document/define.js';
import './feedback/define.js';
import './graphic/define.js';
import './interpretation/define.js';
import './policy/define.js';
import './qa/define.js';

export { GkChart } from './chart/chart.js';
export { GkClauseTools } from './clause-tools/clause-tools.js';
export { GkConsultationBar } from './consultation/bar.js';
export { GkConsultation } from './consultation/consultation.js';
export { GkFollow } from './consultation/follow.js';
export { GkDocument } from './document/document.js';
export { GkClauseChangeEvent, GkClauseRequestEvent, GkNoteRequestEvent } from './events/clause.js';
export { GkCommentReceiptEvent, GkCommentRequestEvent } from './events/consultation.js';
export { type GkFeedbackReadyDetail, GkFeedbackReadyEvent } from './events/feedback.js';
export { GkReaderChangeEvent } from './events/reader.js';
export { GkErrorEvent, type GkReadyDetail, GkReadyEvent } from './events/ready.js';
export { GkFeedback } from './feedback/feedback.js';
export { GkGraphic } from './graphic/graphic.js';
export { GkInterpretation, type InterpretationLayout } from './interpretation/interpretation.js';
export { GkPolicy } from './policy/policy.js';
export { GkQa } from './qa/qa.js';
