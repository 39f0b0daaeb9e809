// gk-workbench's text for step 1, the source text; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  nextClauses: '下一步：核对条款',
  sourceIntro:
    '粘贴文件全文（从网页、Word 或 WPS 复制均可），或选择文件。工作台会识别条款编号和文号、发布机构、日期等信息。',
  sourceText: '文件内容',
  sourceTextHint: '纯文本、Markdown 或网站后台的 HTML 均可。',
  sourceFile: '或选择文件',
  sourceFileHint: '.txt、.md 或 .html 文件，UTF-8 编码。',
  sourceFormat: '格式',
  sourceReadButton: '识别条款和文件信息',
  sourceReread: '重新识别（已写的解读会保留）',
  sourceFrom: '来自文件：{name}',
  sourceEmpty: '还没有内容：请粘贴文件全文，或选择文件。',
  sourceProblems: '无法读取这份文件：',
  sourceRead: '识别出 {n} 个条款。',
  sourceKept: '已保留之前写的 {n} 项解读、问答和图解。',
  sourceLostLinks: '有 {n} 处条款关联在新文本中找不到对应条款，请在自检中查看。',
  fileType: '无法读取“{name}”：只支持 .txt、.md 和 .html 文件。',
  fileTooLarge: '“{name}”太大（{size} KB），不像是一份政策文件。',
  fileUnreadable: '无法读取“{name}”，请重新选择。',
  fileGbk:
    '“{name}”似乎是 GBK（GB18030）编码，未能读取。请用记事本或 WPS 打开，“另存为”时选择 UTF-8 编码，再重新选择文件。',
  fileUtf16: '“{name}”是 UTF-16 编码，未能读取。请“另存为”UTF-8 编码后重新选择。',
  fileNotUtf8: '“{name}”不是 UTF-8 编码的文本，未能读取。请另存为 UTF-8 后重新选择。',
  sourceFoundMeta: '从正文中读出{field}：{value}',
  junkRemoved: '已去掉 {n} 段网页上的内容，它们不属于文件正文。',
  junkRemovedWhy: '这些是从网页复制时带进来的导航、日期、分享按钮等。如果其中有正文，可以放回。',
  junkKept: '正文中有 {n} 段像是网页上的内容。',
  junkPutBack: '放回这些内容',
};

export type SourceWorkbenchMessages = { [K in keyof typeof zhHans]: string };

const zhHant: SourceWorkbenchMessages = {
  nextClauses: '下一步：核對條款',
  sourceIntro:
    '貼上文件全文（從網頁、Word 或 WPS 複製均可），或選擇檔案。工作台會辨識條款編號和文號、發布機構、日期等資訊。',
  sourceText: '文件內容',
  sourceTextHint: '純文字、Markdown 或網站後台的 HTML 均可。',
  sourceFile: '或選擇檔案',
  sourceFileHint: '.txt、.md 或 .html 檔案，UTF-8 編碼。',
  sourceFormat: '格式',
  sourceReadButton: '辨識條款和文件資訊',
  sourceReread: '重新辨識（已寫的解讀會保留）',
  sourceFrom: '來自檔案：{name}',
  sourceEmpty: '還沒有內容：請貼上文件全文，或選擇檔案。',
  sourceProblems: '無法讀取這份文件：',
  sourceRead: '辨識出 {n} 個條款。',
  sourceKept: '已保留之前寫的 {n} 項解讀、問答和圖解。',
  sourceLostLinks: '有 {n} 處條款關聯在新文本中找不到對應條款，請在自檢中查看。',
  fileType: '無法讀取「{name}」：只支援 .txt、.md 和 .html 檔案。',
  fileTooLarge: '「{name}」太大（{size} KB），不像是一份政策文件。',
  fileUnreadable: '無法讀取「{name}」，請重新選擇。',
  fileGbk:
    '「{name}」似乎是 GBK（GB18030）編碼，未能讀取。請用記事本或 WPS 開啟，「另存新檔」時選擇 UTF-8 編碼，再重新選擇檔案。',
  fileUtf16: '「{name}」是 UTF-16 編碼，未能讀取。請「另存新檔」為 UTF-8 編碼後重新選擇。',
  fileNotUtf8: '「{name}」不是 UTF-8 編碼的文字，未能讀取。請另存為 UTF-8 後重新選擇。',
  sourceFoundMeta: '從正文中讀出{field}：{value}',
  junkRemoved: '已去掉 {n} 段網頁上的內容，它們不屬於文件正文。',
  junkRemovedWhy: '這些是從網頁複製時帶進來的導覽、日期、分享按鈕等。如果其中有正文，可以放回。',
  junkKept: '正文中有 {n} 段像是網頁上的內容。',
  junkPutBack: '放回這些內容',
};

const en: SourceWorkbenchMessages = {
  nextClauses: 'Next: check the clauses',
  sourceIntro:
    'Paste the whole document (copied from a web page, Word or WPS), or choose a file. The workbench finds the clause numbering and the document number, issuer and dates.',
  sourceText: 'Document text',
  sourceTextHint: 'Plain text, markdown or the HTML of the site’s CMS.',
  sourceFile: 'Or choose a file',
  sourceFileHint: 'A .txt, .md or .html file, UTF-8 encoded.',
  sourceFormat: 'Format',
  sourceReadButton: 'Find clauses and details',
  sourceReread: 'Read again (what you wrote is kept)',
  sourceFrom: 'From the file {name}',
  sourceEmpty: 'Nothing yet: paste the whole document or choose a file.',
  sourceProblems: 'This document could not be read:',
  sourceRead: '{n} clauses found.',
  sourceKept: 'The {n} notes, Q&A items and graphics written before are kept.',
  sourceLostLinks: '{n} clause links have no matching clause in the new text; see the self-check.',
  fileType: '“{name}” cannot be read: only .txt, .md and .html files are supported.',
  fileTooLarge: '“{name}” is too large ({size} KB) to be a policy document.',
  fileUnreadable: '“{name}” could not be read; please choose it again.',
  fileGbk:
    '“{name}” looks GBK (GB18030) encoded and was not read. Open it in Notepad or WPS, “Save as” with UTF-8 encoding, and choose it again.',
  fileUtf16: '“{name}” is UTF-16 encoded and was not read. Save it as UTF-8 and choose it again.',
  fileNotUtf8: '“{name}” is not UTF-8 text and was not read. Save it as UTF-8 and choose it again.',
  sourceFoundMeta: '{field} read from the text: {value}',
  junkRemoved: '{n} piece(s) of the web page were taken out: they are not part of the document.',
  junkRemovedWhy:
    'Copying from a web page brings its navigation, dates, share buttons and so on. If any of it is document text, put it back.',
  junkKept: 'The text has {n} piece(s) that look like parts of a web page.',
  junkPutBack: 'Put them back',
};

export const sourceWorkbenchMessages: Catalogues<SourceWorkbenchMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};
