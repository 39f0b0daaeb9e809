// Seed documents as copied from government sites: page chrome, irregular numbering (`2)`
// without its opening bracket), stray indents. Shown as they are, to see what survives.
import type { Bundle } from '@gongkai/format';
import guiyangText from '../../test/fixtures/seeds/guiyang-eco-2017-plan.txt?raw';

/**
 * Pasted text → markdown body: one paragraph per line, indents dropped (four spaces would make
 * a code block) and a leading markdown marker escaped so a line never turns into a list.
 */
export function pastedTextToMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^([#>*+-]|\d+[.)](?=\s))/, '\\$1'))
    .filter(Boolean)
    .join('\n\n');
}

/** 贵阳市生态文明委 2017 年政务公开实施方案: long (370 lines), four levels of numbering. */
export const guiyangSeed: Bundle = {
  schemaVersion: 1,
  id: 'guiyang-eco-2017-plan',
  lang: 'zh-Hans',
  meta: {
    title: '贵阳市生态文明建设委员会2017年政务公开工作实施方案',
    issuer: '贵阳市生态文明建设委员会',
    published: '2017-04-28',
    status: 'valid',
    category: '政务公开',
  },
  // The body starts after the page's breadcrumb, title and date lines.
  body: pastedTextToMarkdown(guiyangText.split('\n').slice(5).join('\n')),
};
