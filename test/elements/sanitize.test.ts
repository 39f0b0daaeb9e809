// Every HTML string in a bundle passes one sanitiser: the browser's own (the HTML Sanitizer API)
// where it has one, DOMPurify (a chunk loaded only there) elsewhere. Both must leave the same.
import { expect } from '@open-wc/testing';
import { sanitizeToFragment, sanitizeWithDomPurify } from '../../packages/elements/src/internal/sanitize.js';

const HOSTILE = [
  '<p onclick="window.__gkPwned=1">一、总体要求</p>',
  '<img src=x onerror="window.__gkPwned=2" alt="图">',
  '<script>window.__gkPwned=3</script>',
  '<a href="javascript:window.__gkPwned=4">链接</a>',
  '<a href="https://www.gov.cn/" target="_blank">政府网</a>',
  '<a href="data:text/html,<script>alert(1)</script>">数据</a>',
  '<a href=" JaVaScRiPt:alert(1)">大小写</a>',
  '<p style="color:red" id="x" name="y">（一）指导思想</p>',
  '<form action="https://evil.example/"><input name="q"><button>提交</button></form>',
  '<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x">',
  '<style>body{display:none}</style>',
  '<svg><a href="javascript:alert(1)"><text>矢量</text></a></svg>',
  '<table><tr><td>表格</td></tr></table><ol start="3"><li>第三项</li></ol>',
  '<img src="https://www.gov.cn/a.png" srcset="javascript:alert(1) 1x" alt="图片">',
].join('');

function described(fragment: DocumentFragment) {
  const root = document.createElement('div');
  root.append(fragment);
  return {
    forbidden: [...root.querySelectorAll('script, style, form, input, button, iframe, object, embed')].length,
    handlers: [...root.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
    styled: root.querySelectorAll('[style], [id], [name]').length,
    links: [...root.querySelectorAll('a')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('target'),
      a.getAttribute('rel'),
    ]),
    images: [...root.querySelectorAll('img')].map((img) => [img.getAttribute('src'), img.getAttribute('srcset')]),
    text: root.textContent,
    table: root.querySelector('td')?.textContent,
    start: root.querySelector('ol')?.getAttribute('start'),
  };
}

describe('sanitising HTML from a bundle', () => {
  for (const [name, sanitize] of [
    ['the browser’s Sanitizer API', sanitizeToFragment],
    ['DOMPurify (browsers without it)', sanitizeWithDomPurify],
  ] as const) {
    it(`${name}: no scripts, handlers, styles, forms or frames; only safe links; the text kept`, async () => {
      const seen = described(await sanitize(HOSTILE));
      expect(seen.forbidden).to.equal(0);
      expect(seen.handlers).to.deep.equal([]);
      expect(seen.styled).to.equal(0);
      expect(seen.links).to.deep.equal([
        [null, null, null],
        ['https://www.gov.cn/', null, 'noopener noreferrer'],
        [null, null, null],
        [null, null, null],
        [null, null, null],
      ]);
      expect(seen.images).to.deep.equal([
        ['x', null],
        ['https://www.gov.cn/a.png', null],
      ]);
      for (const kept of ['一、总体要求', '链接', '政府网', '（一）指导思想', '矢量', '第三项'])
        expect(seen.text).to.contain(kept);
      expect(seen.table).to.equal('表格');
      expect(seen.start).to.equal('3');
      expect((window as { __gkPwned?: number }).__gkPwned).to.equal(undefined);
    });
  }
});
