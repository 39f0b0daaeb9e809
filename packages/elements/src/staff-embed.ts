// Entry of dist/gongkai-staff.js: registers the staff elements and exports nothing (no global).
import { setChunkBase } from './internal/chunks.js';
import './staff.js';

// Still synchronous script execution here, so currentScript is this file.
setChunkBase(document.currentScript);
