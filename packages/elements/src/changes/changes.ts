// The 修改对照 chunk's entry (gk-document loads it with loadChangeView): registers the mode's
// elements and hands the document what it calls once its text is annotated.
import './define.js';

export { checkComparison } from './check.js';
export { showChanges, showChangesOf } from './view.js';
