// Bad input as sites produce it. The files are served by .storybook/main.ts at /examples.
import { withBadParts } from './bad-parts.js';
import { ezhou } from './ezhou.js';

/** Served as .txt: it is not valid JSON, and Biome would refuse a broken .json file. */
export const truncatedInterpretationSrc = '/examples/ezhou-2016-40-jd-truncated.txt';
/** Valid JSON, wrong content: an impossible date, a typo'd key, a video without media, an empty note. */
export const invalidInterpretationSrc = '/examples/ezhou-2016-40-jd-invalid.json';
export const missingSrc = '/policies/does-not-exist.json';

/** An editor's half-finished bundle: every problem should be named, with its path. */
export const brokenBundle = {
  schemaVersion: 1,
  id: 'ezhou 2016/40',
  meta: { title: '', status: 'unknown', published: '2016年7月21日' },
  body: ezhou.body,
  qa: [{ id: 'q1' }],
};

/** The inline `<script type="application/json">` a CMS template cut off mid-string. */
export const truncatedInlineJson = JSON.stringify(ezhou).slice(0, 400);

/** The demo bundle with one bad graphic and one bad question (issue 18). */
export const bundleWithBadParts = withBadParts(ezhou);
