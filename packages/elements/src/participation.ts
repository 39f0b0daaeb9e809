// The citizen participation part: the comment form and the published feedback. The one-file
// embed loads it as gongkai-participation.js only on pages that use one of them.
import './consultation/define.js';
import './feedback/define.js';
