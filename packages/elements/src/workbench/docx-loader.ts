// The Word reader (mammoth and the numbering reader, ~110 kB gzip) is loaded only when a
// drafter chooses a .docx: a dynamic import, so the embed build makes it a chunk of its own
// and neither gongkai.js nor the staff console's first download carries it.
import { once } from '../internal/once.js';

export const loadDocxEngine = once((): Promise<typeof import('./docx-engine.js')> => import('./docx-engine.js'));
