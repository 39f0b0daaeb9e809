// The staff side: the comment-handling console and the drafter's workbench (and, for bundler
// users, their classes). Citizens' pages never load it: in the embed, the loader
// gongkai-staff.js starts it (staff-embed.ts).
import './review/define.js';
import './workbench/define.js';

export { GkDecideEvent, GkPublishEvent } from './events/review.js';
export { GkSaveEvent } from './events/workbench.js';
export { GkReview } from './review/review.js';
export { GkWorkbench } from './workbench/workbench.js';
