// The core elements' traditional Chinese and English text: a chunk of its own (gongkai-more-…js),
// loaded only by pages in those languages.

import { en } from './en.js';
import type { UiLang } from './types.js';
import type { Messages } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

export const catalogues: Partial<Record<UiLang, Messages>> = { 'zh-Hant': zhHant, en };
