// gk-workbench step 1 with Word files (issue 21): a .docx chosen or dropped is read in the
// browser by a chunk loaded then, its automatic numbers as printed and its 公文 layout as
// meta; a .doc/.wps is told to be saved as .docx; an image needs a text alternative.
import '@gongkai/elements/staff';
import type { GkWorkbench } from '@gongkai/elements/staff';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { wordNotice as notice, oldWordFile } from '../../stories/examples/word.js';

let keys = 0;
async function workbench() {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang="zh-Hans" style="width:1200px"><gk-workbench draft-key=${`test-docx-${Date.now()}-${keys++}`} endpoint="/api/v1"></gk-workbench></div>`,
  );
  const el = wrap.querySelector('gk-workbench') as GkWorkbench;
  await el.updateComplete;
  return { el, root: el.shadowRoot as ShadowRoot };
}

function choose(root: ShadowRoot, file: File): void {
  const input = root.getElementById('source-file') as HTMLInputElement;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

afterEach(() => {
  for (const k of Object.keys(localStorage))
    if (k.startsWith('gongkai:workbench:draft:test-docx-')) localStorage.removeItem(k);
});

describe('gk-workbench: Word files', () => {
  it('offers .docx in the file picker and says so', async () => {
    const { root } = await workbench();
    expect((root.getElementById('source-file') as HTMLInputElement).accept).to.contain('.docx');
    expect(root.getElementById('source-file-hint')?.textContent).to.contain('.docx');
  });

  it('reads a chosen .docx: numbers as printed, the 公文 layout as meta', async () => {
    const { el, root } = await workbench();
    choose(root, await notice());
    await waitUntil(() => root.querySelector('.notice.ok'), 'not read', { timeout: 6000 });
    expect(root.querySelector('.notice.ok')?.textContent).to.contain('识别出 5 个条款');
    expect(root.querySelector('.notice.ok')?.textContent).to.contain('从正文中读出文号：京政发〔2024〕3号');
    expect(root.querySelector('.notice.ok')?.textContent).to.contain('主送机关：各区人民政府');
    const box = root.getElementById('source-text') as HTMLTextAreaElement;
    expect(box.value).to.contain('一、总体要求');
    expect(box.value).to.contain('（一）指导思想');
    const { bundle } = el.getBundle();
    expect(bundle.clauses.map((c: { number: string }) => c.number)).to.deep.equal([
      '一、',
      '（一）',
      '1.',
      '2.',
      '二、',
    ]);
    expect(bundle.meta).to.include({
      title: '北京市人民政府关于印发《优化营商环境若干措施》的通知',
      docNumber: '京政发〔2024〕3号',
      issuer: '北京市人民政府',
      published: '2024-01-05',
    });
    expect(root.querySelector('.hint')?.textContent).to.not.contain('正在读取');
    await expect(el).to.be.accessible();
  });

  it('tells a .doc or .wps to be saved as .docx, and keeps what was in the box', async () => {
    const { el, root } = await workbench();
    const box = root.getElementById('source-text') as HTMLTextAreaElement;
    box.value = '已粘贴的内容';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    choose(root, oldWordFile('旧文件.wps'));
    await waitUntil(() => root.querySelector('[role="alert"]'), 'no message', { timeout: 6000 });
    const alert = root.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).to.contain('“旧文件.wps”是 Word 97–2003（.doc）或 WPS（.wps）格式');
    expect(alert).to.contain('另存为 → Word 文档（*.docx）');
    expect(box.value).to.equal('已粘贴的内容');
    await expect(el).to.be.accessible();
  });

  it('says a damaged .docx is damaged', async () => {
    const { root } = await workbench();
    choose(root, new File(['PK\u0003\u0004 broken'], '损坏.docx'));
    await waitUntil(() => root.querySelector('[role="alert"]'), 'no message', { timeout: 6000 });
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('“损坏.docx”不是可读取的 Word 文档');
  });

  it('asks for a text alternative for an image without one, then reads the file with it', async () => {
    const { el, root } = await workbench();
    choose(root, await notice({}));
    await waitUntil(() => root.querySelector('fieldset.word-alts'), 'not asked', { timeout: 6000 });
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('有 1 张图片没有替代文字');
    const label = root.querySelector('label[for="word-alt-0"]')?.textContent ?? '';
    expect(label).to.contain('image1.png');
    expect(label).to.contain('办理流程如下：');
    await waitUntil(() => root.activeElement?.id === 'word-alt-0', 'the first field is not focused');
    await expect(el).to.be.accessible();
    // Nothing typed: the field is named and focused.
    (root.getElementById('word-alts-read') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('还有 1 张图片');
    expect(root.activeElement?.id).to.equal('word-alt-0');
    const input = root.getElementById('word-alt-0') as HTMLInputElement;
    input.value = '政务服务办理流程图';
    input.dispatchEvent(new Event('input'));
    (root.getElementById('word-alts-read') as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('.notice.ok'), 'not read', { timeout: 6000 });
    expect((root.getElementById('source-text') as HTMLTextAreaElement).value).to.contain(
      '![政务服务办理流程图](images/image1.png)',
    );
    const link = root.querySelector<HTMLAnchorElement>('.word-images a[download]');
    expect(link?.getAttribute('download')).to.equal('image1.png');
    expect(link?.href).to.match(/^blob:/);
    expect(root.querySelector('.word-images')?.textContent).to.contain('政务服务办理流程图');
  });

  it('reads a .docx dropped on the file field', async () => {
    const { root } = await workbench();
    const files = new DataTransfer();
    files.items.add(await notice({ alt: '流程图' }));
    root
      .querySelector('.drop')
      ?.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    await waitUntil(() => root.querySelector('.notice.ok'), 'not read', { timeout: 6000 });
    expect(root.querySelector('.notice.ok')?.textContent).to.contain('识别出 5 个条款');
    expect(root.querySelectorAll('.word-images li')).to.have.length(1);
  });
});
