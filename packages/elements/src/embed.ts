// Entry of the reading page's ES-module graph, started by the classic loader dist/gongkai.js:
// registers the reading elements and loads every other part when a page shows it. Exports
// nothing, so nothing reaches the host page.
import './document/define.js';
import './interpretation/define.js';
import './policy/define.js';
import { loadTagsWhenUsed } from './internal/lazy-tags.js';

loadTagsWhenUsed();
