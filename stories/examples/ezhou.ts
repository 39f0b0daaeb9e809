// 鄂州政办发〔2016〕40号, the demo bundle (10 notes, Q&A, graphics), and variants of it.
import type { Bundle, Interpretation } from '@gongkai/format';
import ezhouJson from '../../demo/policies/ezhou-2016-40.json' with { type: 'json' };

export const ezhou = ezhouJson as Bundle;
/** Served by .storybook/main.ts from demo/policies. */
export const ezhouSrc = '/policies/ezhou-2016-40.json';
export const ezhouInterpretationSrc = '/policies/ezhou-2016-40-jd.json';

export const ezhouWithMeta = (meta: Partial<Bundle['meta']>): Bundle => ({
  ...ezhou,
  meta: { ...ezhou.meta, ...meta },
});

export const ezhouRepealed = ezhouWithMeta({
  status: 'repealed',
  supersededBy: { title: '鄂州市全面推进政务公开实施办法（2020年修订）', url: '#current' },
});

/** The bundle as built without `--html`: the elements render its markdown themselves. */
export const ezhouMarkdownOnly: Bundle = (({ bodyHtml: _h, ...rest }) => rest)(ezhou);

/** The text alone: the document as published before anyone wrote an interpretation. */
export const ezhouWithoutNotes: Bundle = (({ interpretations: _n, qa: _q, graphics: _g, ...rest }) => rest)(ezhou);

/** The paragraphs of the body, as a CMS editor pasted them. */
export const ezhouParagraphs: string[] = (ezhou.body ?? '')
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

// Illustrative notes in the shape the 政策解读 rules ask for (访谈 with 文字实录, updates over
// time); the people and dates are invented for the stories, the clauses are the real ones.
const interview: Interpretation = {
  id: 'n-2.5.18-interview',
  target: { clause: '2.5.18', quote: { exact: '推进政策解读工作' } },
  kind: 'interview',
  role: 'principal',
  author: '市人民政府办公室主任',
  date: '2016-08-12',
  body: '在线访谈“政务公开怎么做”：第一解读人就“同步起草、同步审批、同步公开”回答网民提问。',
  media: {
    url: '/media/ezhou-2016-40-fangtan.mp3',
    transcript: [
      '主持人：各位网友好，今天我们请来市政府办公室主任，谈谈《实施方案》中的政策解读工作。',
      '嘉宾：谢谢主持人。这次方案要求文件草案和解读材料同步起草、同步审批、同步公开，目的是让权威解释先于各种猜测抵达群众。',
      '网友“鄂州老街坊”：解读材料会不会还是公文语言，看不懂？',
      '嘉宾：我们要求各部门多用图解、问答和案例，讲清楚为什么出台、主要内容是什么、和群众有什么关系。',
    ].join('\n'),
  },
};

const video: Interpretation = {
  id: 'n-2.1.1-video',
  target: { clause: '2.1.1', quote: { exact: '推进权力清单和责任清单公开' } },
  kind: 'video',
  role: 'media',
  author: '鄂州广播电视台',
  date: '2016-08-05',
  body: '一分钟视频：在市政务服务网站上查找一个部门的权力清单和责任清单。',
  media: {
    url: '/media/ezhou-2016-40-qingdan.mp4',
    transcript:
      '打开市政务服务网站，点击“权力清单”，选择部门，就能看到每一项行政权力的依据、流程和责任科室；清单之外的事项，可以拨打 12345 反映。',
  },
};

/** The demo notes plus an interview (with transcript) and a video. */
export const ezhouWithMedia: Bundle = {
  ...ezhou,
  interpretations: [...(ezhou.interpretations ?? []), interview, video],
};

/** 2.4.15 already has a note and a year-end update; a mid-year update, first in
 * the file, makes three: the element orders them by date. */
export const ezhouWithUpdates: Bundle = {
  ...ezhou,
  interpretations: [
    {
      id: 'n-2.4.15-3',
      target: { clause: '2.4.15', quote: { exact: '推进决策公开' } },
      role: 'department',
      author: '市政府法制办公室',
      date: '2017-07-10',
      body: '**半年更新**：2017 年上半年又发布决策草案 4 件，每件的意见采纳情况均在公开征求意见结束后 15 个工作日内公布。',
    },
    ...(ezhou.interpretations ?? []),
  ],
};
