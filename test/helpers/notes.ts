// A small document with interpretation notes, for interpretation and policy tests.
import type { Bundle, Interpretation } from '@gongkai/format';

export const smallBody = [
  '一、总体要求',
  '（一）指导思想',
  '坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。',
  '（二）工作目标',
  '到2020年，政务公开制度体系基本完善。',
  '二、主要任务',
  '（一）推进决策公开',
  '实行重大决策预公开制度，涉及群众切身利益的重大决策，应当通过网站向社会公开征求意见。',
  '（二）推进执行公开',
  '重点公开重大决策、重要政策落实情况。',
  '三、保障措施',
  '各单位要加强组织领导，明确责任分工。',
].join('\n\n');

export const smallNotes: Interpretation[] = [
  {
    target: { clause: '1.1' },
    body: '**以公开为常态**：除依法不公开的以外，都要公开。',
    role: 'principal',
    author: '王主任',
    date: '2017-06-01',
  },
  { target: { clause: '1.1' }, body: '补充说明：常态化公开的范围已经扩大。', role: 'department', date: '2017-09-01' },
  { target: { clause: '1.2' }, body: '工作目标按年度分解。', role: 'department', date: '2017-06-01' },
  {
    target: { quote: { exact: '通过网站向社会公开征求意见' } },
    body: '征求意见期一般不少于30日。',
    role: 'expert',
    author: '李教授',
    kind: 'interview',
    media: {
      url: 'https://www.example.gov.cn/media/interview.mp4',
      transcript: '记者：预公开有什么要求？李教授：要给群众足够的时间。',
    },
  },
  { target: { quote: { exact: '这段话在文件里不存在，已被删除' } }, body: '这条解读的原文已修订。' },
];

export function smallBundle(overrides: Partial<Bundle> = {}): Bundle {
  return {
    schemaVersion: 1,
    id: 'test-small',
    lang: 'zh-Hans',
    meta: {
      title: '关于推进政务公开的实施意见',
      docNumber: '测政办发〔2017〕1号',
      status: 'valid',
      published: '2017-06-01',
    },
    body: smallBody,
    interpretations: smallNotes,
    ...overrides,
  };
}
