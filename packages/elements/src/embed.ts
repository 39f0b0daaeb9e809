// Entry of the one-file dist/gongkai.js: registers every element and exports nothing,
// so the classic script adds no global to the host page.
import './document/define.js';
import './interpretation/define.js';
import './policy/define.js';
// gk-qa (define below)
// gk-chart and gk-graphic (define below)
import { setChunkBase } from './internal/chunks.js';

// Still synchronous script execution here, so currentScript is this file.
setChunkBase(document.currentScript);
