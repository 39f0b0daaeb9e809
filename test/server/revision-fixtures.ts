// A short regulation and its final text, for the tests of versions and 因意见修改: 第三条 reworded
// (三十日 → 十五日), 第五条 removed, a new 第五条 (id 6) added; the rest unchanged.

/** An article as a bundle's clause: `n` its id, `number` as printed (第三条). */
export const article = (n: number, number: string, text: string) => ({
  id: String(n),
  number,
  level: 1,
  parent: null,
  title: '',
  text: `${number}　${text}`,
});

/** The draft (征求意见稿) under `id`. */
export const serviceDraft = (id: string) => ({
  schemaVersion: 1,
  id,
  meta: { title: '示例服务办法（征求意见稿）', status: 'draft' },
  clauses: [
    article(1, '第一条', '为了规范政务服务，方便群众办事，制定本办法。'),
    article(2, '第二条', '本办法适用于本市行政区域内的政务服务活动。'),
    article(3, '第三条', '行政机关应当自受理申请之日起三十日内作出决定。'),
    article(4, '第四条', '政务服务事项实行清单管理，清单向社会公布。'),
    article(5, '第五条', '申请人可以通过自助终端查询办理进度，自助终端由各区统一设置。'),
  ],
});

/** Its final text (正式稿), in force. */
export const serviceFinal = (id: string) => ({
  ...serviceDraft(id),
  meta: { title: '示例服务办法', status: 'valid', published: '2030-06-01', effective: '2030-07-01' },
  clauses: [
    article(1, '第一条', '为了规范政务服务，方便群众办事，制定本办法。'),
    article(2, '第二条', '本办法适用于本市行政区域内的政务服务活动。'),
    article(3, '第三条', '行政机关应当自受理申请之日起十五日内作出决定。'),
    article(4, '第四条', '政务服务事项实行清单管理，清单向社会公布。'),
    article(6, '第五条', '政务服务场所应当为老年人、残疾人提供帮办代办服务。'),
  ],
});
