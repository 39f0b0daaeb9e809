// No JSON import here: the test runner cannot load one (tests pass the bundle in).
import type { Bundle } from '@gongkai/format';

/**
 * A bundle with its first graphic missing a caption and its second question missing an answer
 * (issue 18): readers get everything else, with a short notice in place of each.
 */
export const withBadParts = (bundle: Bundle) => ({
  ...bundle,
  qa: (bundle.qa ?? []).map((q, i) => (i === 1 ? { ...q, answer: '' } : q)),
  graphics: (bundle.graphics ?? []).map(({ caption, ...g }, i) => (i === 0 ? g : { ...g, caption })),
});
