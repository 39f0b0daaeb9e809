// Entry of the one-file dist/gongkai.js: registers every element and exports nothing,
// so the classic script adds no global to the host page.
import './document/define.js';
import './interpretation/define.js';
import './policy/define.js';
// gk-qa (define below)
import './qa/define.js';
// gk-chart and gk-graphic (define below)
import './chart/define.js';
import './graphic/define.js';
import { setChunkBase } from './internal/chunks.js';
import { loadParticipationWhenUsed } from './internal/lazy-tags.js';

// Still synchronous script execution here, so currentScript is this file.
setChunkBase(document.currentScript);
loadParticipationWhenUsed();
