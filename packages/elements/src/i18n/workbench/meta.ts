// gk-workbench's text for step 3, the document's details; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  metaIntro: '这些信息显示在政策页面顶部。从文件中读出的信息已经填好，请核对。',
  meta_docNumberHint: '例如：鄂州政办发〔2016〕40号',
  meta_status: '有效性',
  docIdHint:
    '根据文号自动生成（鄂州政办发〔2016〕40号 → ezzbf-2016-40），可以改写；只能用字母、数字和短横线。保存后是这份文件在网站上的地址的一部分。',
};

export type MetaWorkbenchMessages = { [K in keyof typeof zhHans]: string };

const zhHant: MetaWorkbenchMessages = {
  metaIntro: '這些資訊顯示在政策頁面頂部。從文件中讀出的資訊已經填好，請核對。',
  meta_docNumberHint: '例如：鄂州政办发〔2016〕40号',
  meta_status: '有效性',
  docIdHint:
    '根據文號自動產生（鄂州政办发〔2016〕40号 → ezzbf-2016-40），可以改寫；只能用字母、數字和連字號。保存後是這份文件在網站上的位址的一部分。',
};

const en: MetaWorkbenchMessages = {
  metaIntro:
    'These details appear at the top of the policy page. What was found in the document is filled in; please check it.',
  meta_docNumberHint: 'E.g. 鄂州政办发〔2016〕40号',
  meta_status: 'Validity',
  docIdHint:
    'Made from the document number (鄂州政办发〔2016〕40号 → ezzbf-2016-40); you may change it. Letters, digits and hyphens only. It becomes part of the document’s address on the site.',
};

export const metaWorkbenchMessages: Catalogues<MetaWorkbenchMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };
