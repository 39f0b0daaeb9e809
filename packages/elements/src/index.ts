// ESM entry for bundler users: the classes, and their registration as a side effect.
import './document/define.js';

export { GkDocument } from './document/document.js';
export { GkErrorEvent, type GkReadyDetail, GkReadyEvent } from './events/ready.js';
