// The staff side: the comment-handling console (and, for bundler users, its classes). Citizens'
// pages never load it: the one-file form is gongkai-staff.js, built from staff-embed.ts.
import './review/define.js';

export { GkDecideEvent, GkPublishEvent } from './events/review.js';
export { GkReview } from './review/review.js';
