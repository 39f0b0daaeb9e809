// Named 图解 examples for gk-graphic and gk-chart, shared by tests and stories: hand-written
// for 鄂州政办发〔2016〕40号 (figures are illustrative), beside the two in its demo bundle.
// No JSON import here: the test runner cannot load one.
import type { ChartData, Graphic } from '@gongkai/format';

/** Items proactively published by channel, 2016 and 2020 (政务公开工作年度报告 style). */
export const publishedByChannel: ChartData = {
  type: 'bar',
  labels: ['政府网站', '政务微博', '政务微信', '政府公报', '新闻发布会'],
  datasets: [
    { label: '2016年', data: [12500, 3400, 2100, 180, 26] },
    { label: '2020年', data: [31800, 5200, 9600, 240, 58] },
  ],
  unit: '条',
};

export const chartGraphic: Graphic = {
  id: 'g-channels',
  kind: 'chart',
  caption: '各渠道主动公开政府信息数量',
  description:
    '2020年通过政府网站主动公开信息3.18万条，是2016年（1.25万条）的2.5倍；政务微信从2100条增至9600条，增长最快；新闻发布会从26场增至58场。',
  clauses: ['2.5.19', '2.6.22'],
  chart: publishedByChannel,
};

/** 依申请公开 (disclosure on request), from application to reply. */
export const requestSteps: Graphic = {
  id: 'g-request',
  kind: 'steps',
  caption: '依申请公开怎么办',
  description:
    '依申请公开分五步：提出申请、登记受理、审查、作出答复、送达。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复。',
  clauses: ['2.6.21'],
  items: [
    { title: '提出申请', body: '通过网站、信函或到政务服务中心现场提交申请表' },
    { title: '登记受理', body: '申请内容不明确的，一次性告知补正' },
    { title: '审查', body: '判断信息是否存在、是否属于公开范围' },
    { title: '作出答复', body: '当场或20个工作日内答复' },
    { title: '送达', body: '按申请人要求的方式提供信息' },
  ],
};

export const reformTimeline: Graphic = {
  id: 'g-history',
  kind: 'timeline',
  caption: '鄂州政务公开大事记',
  description:
    '2016年印发实施方案；2017年建成政策解读专栏；2019年新修订的《政府信息公开条例》施行；2021年实现政策文件与解读同步发布。',
  items: [
    { date: '2016年7月', title: '印发《实施方案》', body: '部署6个方面23项重点任务' },
    { date: '2017年3月', title: '政策解读专栏上线', body: '市政府门户网站集中发布解读材料' },
    { date: '2019年5月', title: '新条例施行', body: '《中华人民共和国政府信息公开条例》修订后施行' },
    { date: '2021年1月', title: '文件与解读同步发布', body: '重要政策文件与解读材料同步起草、同步审签、同步发布' },
  ],
};

export const interpretationCompare: Graphic = {
  id: 'g-compare',
  kind: 'compare',
  caption: '政策解读：2016年与2021年',
  description:
    '2016年，政策文件发布后另行起草解读，主要在政府网站发布；2021年，文件与解读同步起草、同步审签、同步发布，并通过网站、政务新媒体和政务服务中心多渠道解读。',
  clauses: ['2.5.18'],
  before: { title: '2016年', body: '文件发布后另行起草解读，主要在政府网站发布' },
  after: { title: '2021年', body: '文件与解读同步起草、同步审签、同步发布，网站、政务新媒体、政务服务中心多渠道解读' },
};

/** Every kind written by hand (the bundle's own add figures and a timeline). */
export const handWritten: Graphic[] = [requestSteps, reformTimeline, interpretationCompare, chartGraphic];
