// 北京市优化营商环境条例: the 2024 revision with notes by article (第X条 → `aX`), notes written
// against the 2020 text (some now orphans), and a long-document stress case with many notes.
import { type Bundle, type Interpretation, segmentDocument } from '@gongkai/format';
import text2020 from '../../test/fixtures/regulations/beijing-business-environment-2020.md?raw';
import text2024 from '../../test/fixtures/regulations/beijing-business-environment-2024.md?raw';

/** The fixture's `# title` and the lines before `<!-- INFO END -->` are the preamble; the rest is the body. */
function regulationBody(markdown: string): string {
  return markdown.replace(/^# .*\n/, '').replace('<!-- INFO END -->', '');
}

const meta2024: Bundle['meta'] = {
  title: '北京市优化营商环境条例',
  issuer: '北京市人民代表大会常务委员会',
  // The revision's adoption date: the text names no other (第九十四条: 自公布之日起施行).
  published: '2024-11-29',
  status: 'valid',
  category: '地方性法规',
};

export const regulation2024: Bundle = {
  schemaVersion: 1,
  id: 'beijing-business-environment-2024',
  lang: 'zh-Hans',
  meta: meta2024,
  body: regulationBody(text2024),
};

/** The 2020 text, amended by the 2024 revision. */
export const regulation2020: Bundle = {
  schemaVersion: 1,
  id: 'beijing-business-environment-2020',
  lang: 'zh-Hans',
  meta: {
    ...meta2024,
    published: '2020-03-27',
    status: 'amended',
    supersededBy: { title: '北京市优化营商环境条例（2024年修订）', url: '#beijing-business-environment-2024' },
  },
  body: regulationBody(text2020),
};

const dept = { role: 'department', author: '北京市发展和改革委员会' } as const;

/** Notes on the 2024 text, by article id and a quote from the article. */
export const regulationNotes: Interpretation[] = [
  {
    ...dept,
    target: { clause: 'a1', quote: { exact: '根据国务院《优化营商环境条例》等法律、行政法规' } },
    date: '2024-12-02',
    body: '修订后的条例在立法依据中增加了“等法律、行政法规”，表明本市优化营商环境的规定不只落实国务院条例一项，还要与相关法律、行政法规衔接。',
  },
  {
    role: 'expert',
    author: '首都经济贸易大学法学院 王教授',
    target: { clause: 'a7', quote: { exact: '每年向同级人民代表大会常务委员会报告优化营商环境工作' } },
    date: '2024-12-05',
    body: '年度报告制度把优化营商环境纳入人大监督：除听取专项工作报告外，人大常委会还可以通过执法检查、质询、询问和代表视察等方式监督。',
  },
  {
    ...dept,
    target: { clause: 'a12', quote: { exact: '新增产业的禁止和限制目录' } },
    date: '2024-12-02',
    body: '新增产业的禁止和限制目录只能由市级统一制定，各区不得另行制定；目录和国家市场准入负面清单以外的领域，各类经营主体均可依法平等进入。',
  },
  {
    role: 'department',
    author: '北京市地方金融管理局',
    target: { clause: 'a21', quote: { exact: '扩大中小微企业股权直接融资规模' } },
    date: '2024-12-10',
    body: '北京股权交易中心是本市的区域性股权市场。完善股东名册托管登记，是为了让中小微企业的股权更清晰、更容易被投资人认可。',
  },
  {
    role: 'department',
    author: '北京市政务服务和数据管理局',
    target: { clause: 'a30' },
    date: '2024-12-06',
    body: '本条要求统一政务服务标准，并推动区块链、人工智能、大数据、物联网等技术在政务服务中的应用。办事人可以在“京通”办理的事项将逐步增加。',
  },
  {
    ...dept,
    target: { clause: 'a40', quote: { exact: '企业固定资产投资项目审批实行告知承诺制' } },
    date: '2024-12-02',
    body: '告知承诺制：政府一次性告知审批条件，企业书面承诺符合条件后即可办理，由事后核查代替事前审查。适用范围由市发展改革部门拟订、市政府批准后公布。',
  },
  {
    role: 'department',
    author: '北京市司法局',
    target: { clause: 'a60' },
    date: '2024-12-03',
    body: '权力清单要写明每项监管执法事项的依据、主体、权限、程序和处罚措施，清单之外不得实施监管执法。',
  },
];

/**
 * Notes written against the 2020 text, as an editor kept them: two on passages that moved
 * (2020 第十一条 → 2024 第十二条; 第十二条（四） → 第十三条（三）, reworded), two on passages
 * the revision removed and one on an article number that does not exist: three orphans.
 */
export const regulation2020Notes: Interpretation[] = [
  {
    ...dept,
    target: { clause: 'a11', quote: { exact: '制定符合首都功能定位的产业发展政策' } },
    date: '2020-04-01',
    body: '产业发展政策以《北京城市总体规划》确定的首都功能定位为依据。',
  },
  {
    role: 'department',
    author: '北京市市场监督管理局',
    target: { clause: 'a12.4', quote: { exact: '多个市场主体可以使用同一地址作为登记住所' } },
    date: '2020-04-01',
    body: '“一址多照”：多家企业可以用同一地址登记住所，降低初创企业的场地成本。',
  },
  {
    role: 'department',
    author: '国家税务总局北京市税务局',
    target: { clause: 'a76', quote: { exact: '企业因重整取得的债务重组收入' } },
    date: '2020-04-03',
    body: '破产重整企业的债务重组收入按国家规定适用企业所得税政策，房产税、城镇土地使用税依法减免。',
  },
  {
    role: 'department',
    author: '国家税务总局北京市税务局',
    target: { quote: { exact: '利用区块链技术推行增值税电子专用发票及其他电子票据' } },
    date: '2020-04-03',
    body: '本市在全国率先试点区块链电子发票。',
  },
  {
    ...dept,
    target: { clause: 'a95' },
    date: '2020-04-01',
    body: '（编辑误填的条款号：条例只有九十四条。）',
  },
];

/** The 2024 text with its own notes and the 2020 ones carried over. */
export const regulationWithOrphans: Bundle = {
  ...regulation2024,
  interpretations: [...regulationNotes, ...regulation2020Notes],
};

export const regulationWithNotes: Bundle = { ...regulation2024, interpretations: regulationNotes };

const ROLES = ['department', 'expert', 'principal', 'media'] as const;

/**
 * `count` notes spread over every clause of the 2024 text (several on some, as updates), each
 * quoting the clause's own words: a performance showcase, so the bodies are formulaic.
 */
export function regulationWithManyNotes(count = 200): Bundle {
  const clauses = segmentDocument(regulation2024.body ?? '').clauses.filter((c) => c.text.length > 20);
  const notes: Interpretation[] = [];
  for (let i = 0; i < count; i++) {
    const clause = clauses[i % clauses.length]!;
    const round = Math.floor(i / clauses.length);
    const words = clause.text.slice(clause.number.length).trim();
    notes.push({
      id: `n${i + 1}`,
      target: { clause: clause.id, quote: { exact: words.slice(0, 16) } },
      role: ROLES[i % ROLES.length],
      author: `解读人 ${(i % 17) + 1}`,
      date: `2025-0${(round % 9) + 1}-15`,
      body: `${round ? '**更新**：' : ''}${clause.number}规定：“${words.slice(0, 40)}…”。本条解读说明其适用范围、办理方式和群众关心的问题。`,
    });
  }
  return { ...regulation2024, id: 'beijing-business-environment-2024-many-notes', interpretations: notes };
}
