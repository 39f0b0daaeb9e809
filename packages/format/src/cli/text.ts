// The CLI's own words, in both languages; bundle and authoring messages come with their own.
export type Lang = 'en' | 'zh-Hans';

/**
 * `--lang` wins; else zh-Hans when the locale (LC_ALL, LC_MESSAGES, LANG — the order
 * gettext uses) starts with `zh`, else en.
 */
export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang | undefined {
  if (flag !== undefined) return flag === 'en' || flag === 'zh-Hans' ? flag : undefined;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-Hans' : 'en';
}

export const USAGE: Record<Lang, string> = {
  en: `gongkai — policy bundles for Gongkai

usage:
  gongkai parse FILE [-o bundle.json]       .txt, .md, .html or .docx → bundle JSON (clauses and meta derived;
                                            a .docx's images are written to images/ beside the output)
  gongkai build DIR|policy.md [-o bundle.json]
                                            authoring files → validated bundle with clauses and search index
  gongkai validate BUNDLE.json              every problem with its JSON path
  gongkai check BUNDLE.json                 publication self-check: ✓ pass  ! warn  ✗ fail
  gongkai diff OLD NEW [--json | --html]    what changed between two versions, clause by clause
                                            (bundles, .txt, .md, .html or .docx; articles matched by text)
  gongkai reanchor PREV.json NEW [-o bundle.json]
                                            carry PREV's interpretation notes to the new version NEW (a bundle
                                            or a document); uncertain places await confirmation in the workbench

options:
  -o, --output FILE   write the bundle to FILE instead of stdout
  --lang en|zh-Hans   language of messages (default: zh-Hans when LANG starts with zh, else en)
  --no-search-index   build: leave out the derived search index (smaller file)
  --html              build: store the HTML of each markdown field beside it, so that reading
                      pages never load markdown-it (the file grows by about its text's size);
                      diff: print a redline page (insertions and deletions marked in words)
  --json              diff: print { summary, changes } as JSON, with the edits of each clause
  --previous FILE     build: compare with the previous version and store the comparison
  -v, --verbose       say what was derived (meta from the text, ids, clauses)
  -h, --help          this help

exit status: 0 ok · 1 problems found (or a check failed) · 2 wrong usage
authoring files (build): policy.md (or policy.docx), interpretation.md, qa.md, graphics.json — see the @gongkai/format README`,
  'zh-Hans': `gongkai —— 政务公开政策数据包工具

用法：
  gongkai parse 文件 [-o bundle.json]        .txt、.md、.html 或 .docx → 数据包 JSON（自动识别条款和元数据；
                                            .docx 中的图片写入输出文件旁的 images/ 目录）
  gongkai build 目录|policy.md [-o bundle.json]
                                            编写文件 → 经校验的数据包（含条款和检索索引）
  gongkai validate 数据包.json               列出所有问题及其 JSON 路径
  gongkai check 数据包.json                  发布前自查：✓ 通过  ! 提醒  ✗ 不通过
  gongkai diff 旧版 新版 [--json | --html]   逐条比较两个版本的修改（数据包、.txt、.md、.html 或 .docx；
                                            按条文内容而非序号对应）
  gongkai reanchor 上一版.json 新版 [-o bundle.json]
                                            将上一版本的解读带到新版本（数据包或正文文件）；位置不确定的
                                            解读标为待确认，在解读编写台中确认或重新定位

选项：
  -o, --output 文件    将数据包写入文件，而不是标准输出
  --lang en|zh-Hans   提示语言（默认：LANG 以 zh 开头时为 zh-Hans，否则为 en）
  --no-search-index   build：不附带检索索引（文件更小）
  --html              build：在每个 Markdown 字段旁附带生成好的 HTML，阅读页面无需再加载
                      markdown-it（文件约增加一份正文的大小）；
                      diff：输出修改对照网页（新增、删除均以文字标明）
  --json              diff：以 JSON 输出 { summary, changes }，含每条的逐字修改
  --previous 文件     build：与上一版本比较，并将比较结果存入数据包
  -v, --verbose       说明自动推导的内容（取自正文的元数据、编号、条款）
  -h, --help          显示本帮助

退出码：0 正常 · 1 发现问题（或自查不通过） · 2 用法错误
编写文件（build）：policy.md（或 policy.docx）、interpretation.md、qa.md、graphics.json，详见 @gongkai/format 的 README`,
};

const en = {
  unknownCommand: (c: string) => `unknown command "${c}"`,
  missingArg: (c: string) => `"${c}" needs a file`,
  badOption: (o: string) => `unknown option "${o}"`,
  badLang: (l: string) => `--lang must be en or zh-Hans, not "${l}"`,
  unreadable: (f: string, why: string) => `${f}: cannot read: ${why}`,
  notFound: (f: string) => `${f}: no such file or directory`,
  noPolicy: (d: string) => `${d}: no policy.md in this folder`,
  valid: (f: string) => `${f}: valid`,
  invalid: (f: string, n: string) => `${f}: ${n} problem(s)`,
  wrote: (f: string) => `wrote ${f}`,
  anchored: (n: string, q: string, g: string) =>
    `anchored: ${n} interpretation(s), ${q} Q&A link(s), ${g} graphic link(s)`,
  orphans: (n: string) => `orphans: ${n}`,
  orphan: (what: string, why: string) => `  ✗ ${what}: ${why}`,
  checkSummary: (p: string, w: string, f: string) => `${p} pass, ${w} warn, ${f} fail`,
  diffNeedsTwo: () => `"diff" needs two files: OLD NEW`,
  diffOneFormat: () => `choose one of --json and --html`,
  noClauses: (f: string) => `${f}: no clauses found to compare (is this the text of a policy?)`,
  diffSummary: (m: number, a: number, r: number, n: number, u: number) =>
    `${m} modified, ${a} added, ${r} removed, ${n} renumbered or moved, ${u} unchanged`,
  kind: {
    modified: 'modified',
    added: 'added',
    removed: 'removed',
    renumbered: 'renumbered',
    unchanged: 'unchanged',
  } as Record<string, string>,
  moved: 'moved',
  reanchorNeedsTwo: () => `"reanchor" needs two files: PREV.json NEW`,
  previousNotes: (f: string, n: number) =>
    `note: ${f} has ${n} interpretation note(s) and this version none; to carry them over: gongkai reanchor ${f} bundle.json -o bundle.json`,
  reanchorNoNotes: (f: string) => `${f}: no interpretation notes to carry over`,
  reanchorSummary: (placed: number, pending: number, lost: number, kept: number) =>
    `carried over: ${placed} placed, ${pending} awaiting confirmation, ${lost} not found` +
    (kept ? `; ${kept} kept as the new version has them (same id)` : ''),
  reanchorPending: (id: string, from: string, to: string, pct: number) =>
    `  ? ${id} ${from} → ${to} (${pct}% similar): awaiting confirmation; shown as not placed until confirmed`,
  reanchorGone: (id: string, from: string, to: string) =>
    `  ? ${id} ${from} → ${to}: the quoted passage is gone from the clause it became; awaiting confirmation`,
  reanchorLost: (id: string, from: string) =>
    `  ✗ ${id} ${from}: not found in the new text; shown as not placed until placed again or deleted`,
};

export const TEXT: Record<Lang, typeof en> = {
  en,
  'zh-Hans': {
    unknownCommand: (c) => `未知命令“${c}”`,
    missingArg: (c) => `“${c}”需要指定文件`,
    badOption: (o) => `未知选项“${o}”`,
    badLang: (l) => `--lang 应为 en 或 zh-Hans，而不是“${l}”`,
    unreadable: (f, why) => `${f}：无法读取：${why}`,
    notFound: (f) => `${f}：文件或目录不存在`,
    noPolicy: (d) => `${d}：该目录中没有 policy.md`,
    valid: (f) => `${f}：校验通过`,
    invalid: (f, n) => `${f}：发现 ${n} 个问题`,
    wrote: (f) => `已写入 ${f}`,
    anchored: (n, q, g) => `已关联：解读 ${n} 条，问答关联 ${q} 处，图解关联 ${g} 处`,
    orphans: (n) => `未能关联：${n} 处`,
    orphan: (what, why) => `  ✗ ${what}：${why}`,
    checkSummary: (p, w, f) => `通过 ${p} 项，提醒 ${w} 项，不通过 ${f} 项`,
    diffNeedsTwo: () => `“diff”需要两个文件：旧版 新版`,
    diffOneFormat: () => `--json 和 --html 只能选一个`,
    noClauses: (f) => `${f}：没有可比较的条款（这是政策文件的正文吗？）`,
    diffSummary: (m, a, r, n, u) =>
      `修改 ${m} 条，新增 ${a} 条，删除 ${r} 条，仅调整序号或位置 ${n} 条，未修改 ${u} 条`,
    kind: { modified: '修改', added: '新增', removed: '删除', renumbered: '序号调整', unchanged: '未修改' },
    moved: '位置调整',
    reanchorNeedsTwo: () => `“reanchor”需要两个文件：上一版.json 新版`,
    previousNotes: (f, n) =>
      `提示：${f} 有 ${n} 条解读，本版本没有；如需带到本版本：gongkai reanchor ${f} bundle.json -o bundle.json`,
    reanchorNoNotes: (f) => `${f}：没有可带到新版本的解读`,
    reanchorSummary: (placed, pending, lost, kept) =>
      `已带到新版本：已定位 ${placed} 条，待确认 ${pending} 条，未找到 ${lost} 条` +
      (kept ? `；${kept} 条以新版本中的同名解读为准` : ''),
    reanchorPending: (id, from, to, pct) =>
      `  ? ${id} ${from} → ${to}（相似度 ${pct}%）：位置待确认，确认前显示为未能定位`,
    reanchorGone: (id, from, to) => `  ? ${id} ${from} → ${to}：所引原文已不在该条中，位置待确认`,
    reanchorLost: (id, from) => `  ✗ ${id} ${from}：新文本中找不到，重新定位或删除前显示为未能定位`,
  },
};
