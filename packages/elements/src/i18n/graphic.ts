// gk-graphic's and gk-chart's text, in their chunk: the reading page's core catalogue does without it.
import type { Catalogues } from './types.js';

const zhHans = {
  chartShowTable: '查看数据表',
  chartHideTable: '收起数据表',
  chartCategory: '项目',
  chartLoading: '图表加载中…',
  chartFailed: '图表无法显示，请查看数据表',
  chartNoData: '未提供图表数据：请设置 data 属性或 graphic 属性',
  chartInvalid: '图表数据有误',
  chartImage: '图表：{caption}',
  graphics: '图解',
  graphicNone: '本文件暂无图解。',
  graphicNoSource: '未指定图解：请设置 src 属性或 graphics 属性',
  graphicClauses: '相关条款：',
  graphicClause: '条款 {clause}',
  graphicStep: '第 {n} 步',
  graphicExport: '导出长图',
  graphicExportAll: '导出全部图解（一图读懂）',
  graphicExportFailed: '长图导出失败：{detail}',
};
export type GraphicMessages = { [K in keyof typeof zhHans]: string };

const zhHant: GraphicMessages = {
  chartShowTable: '查看數據表',
  chartHideTable: '收起數據表',
  chartCategory: '項目',
  chartLoading: '圖表載入中…',
  chartFailed: '圖表無法顯示，請查看數據表',
  chartNoData: '未提供圖表數據：請設定 data 屬性或 graphic 屬性',
  chartInvalid: '圖表數據有誤',
  chartImage: '圖表：{caption}',
  graphics: '圖解',
  graphicNone: '本文件暫無圖解。',
  graphicNoSource: '未指定圖解：請設定 src 屬性或 graphics 屬性',
  graphicClauses: '相關條款：',
  graphicClause: '條款 {clause}',
  graphicStep: '第 {n} 步',
  graphicExport: '匯出長圖',
  graphicExportAll: '匯出全部圖解（一圖讀懂）',
  graphicExportFailed: '長圖匯出失敗：{detail}',
};

const en: GraphicMessages = {
  chartShowTable: 'Show data table',
  chartHideTable: 'Hide data table',
  chartCategory: 'Item',
  chartLoading: 'Loading chart…',
  chartFailed: 'The chart cannot be shown; see the data table',
  chartNoData: 'No chart data: set the data or graphic property',
  chartInvalid: 'The chart data is invalid',
  chartImage: 'Chart: {caption}',
  graphics: 'Graphics',
  graphicNone: 'This document has no graphics yet.',
  graphicNoSource: 'No graphics given: set the src attribute or the graphics property',
  graphicClauses: 'Related clauses: ',
  graphicClause: 'Clause {clause}',
  graphicStep: 'Step {n}',
  graphicExport: 'Export as image',
  graphicExportAll: 'Export all graphics as one image',
  graphicExportFailed: 'The image could not be exported: {detail}',
};

export const graphicMessages: Catalogues<GraphicMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };
