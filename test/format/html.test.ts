import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownToHtml, validate, withRenderedHtml } from '@gongkai/format';

describe('markdownToHtml', () => {
  test('renders markdown, and raw HTML only as text', () => {
    assert.equal(markdownToHtml('**解读**：按时公开'), '<p><strong>解读</strong>：按时公开</p>\n');
    const html = markdownToHtml('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;/);
  });

  test('keeps http(s), mailto, tel and relative links; other schemes stay text', () => {
    const html = markdownToHtml(
      '[a](https://www.gov.cn/) [b](mailto:gk@example.gov.cn) [c](tel:12345) [d](/zc/1.html) ' +
        '[e](javascript:alert(1)) [f](data:text/html,x) [g](vbscript:x)',
    );
    for (const href of ['https://www.gov.cn/', 'mailto:gk@example.gov.cn', 'tel:12345', '/zc/1.html']) {
      assert.ok(html.includes(`href="${href}"`), href);
    }
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):/);
  });
});

describe('withRenderedHtml', () => {
  test('adds HTML beside the body, every note and every answer, and the bundle stays valid', () => {
    const bundle = {
      schemaVersion: 1 as const,
      id: 'p1',
      meta: { title: '方案' },
      body: '一、总体要求\n\n坚持**公开**。',
      interpretations: [{ target: { clause: '1' }, body: '*重点*' }],
      qa: [{ id: 'q1', question: '何时公开？', answer: '20 个工作日内。' }],
    };
    const out = withRenderedHtml(bundle);
    assert.equal(out.bodyHtml, '<p>一、总体要求</p>\n<p>坚持<strong>公开</strong>。</p>\n');
    assert.equal(out.interpretations?.[0]?.html, '<p><em>重点</em></p>\n');
    assert.equal(out.qa?.[0]?.answerHtml, '<p>20 个工作日内。</p>\n');
    assert.equal(out.body, bundle.body);
    assert.equal(validate(out).ok, true);
  });
});
