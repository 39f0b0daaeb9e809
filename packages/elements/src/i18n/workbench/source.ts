// gk-workbench's text for step 1, the source text; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  nextClauses: '下一步：核对条款',
  sourceIntro:
    '粘贴文件全文（从网页、Word 或 WPS 复制均可），或选择文件。工作台会识别条款编号和文号、发布机构、日期等信息。',
  sourceText: '文件内容',
  sourceTextHint: '纯文本、Markdown 或网站后台的 HTML 均可。',
  sourceFile: '或选择文件',
  sourceFileHint: 'Word（.docx）文件，或 UTF-8 编码的 .txt、.md、.html 文件；也可以把文件拖到这里。',
  sourceFormat: '格式',
  sourceReadButton: '识别条款和文件信息',
  sourceReread: '重新识别（已写的解读会保留）',
  sourceFrom: '来自文件：{name}',
  sourceEmpty: '还没有内容：请粘贴文件全文，或选择文件。',
  sourceProblems: '无法读取这份文件：',
  sourceRead: '识别出 {n} 个条款。',
  sourceKept: '已保留之前写的 {n} 项解读、问答和图解。',
  sourceLostLinks: '有 {n} 处条款关联在新文本中找不到对应条款，请在自检中查看。',
  fileType: '无法读取“{name}”：只支持 .docx、.txt、.md 和 .html 文件。',
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
  wordReading: '正在读取 Word 文件“{name}”……',
  wordEngine: '无法加载 Word 读取功能，未能读取“{name}”。请检查网络后重新选择文件。',
  wordOld:
    '“{name}”是 Word 97–2003（.doc）或 WPS（.wps）格式，或设置了密码，无法读取。请用 Word 或 WPS 打开，选择“文件 → 另存为 → Word 文档（*.docx）”，再选择另存的 .docx 文件。',
  wordDamaged: '“{name}”不是可读取的 Word 文档，可能已损坏。请用 Word 或 WPS 打开后重新另存为 .docx，再选择该文件。',
  wordNeedsAlt: '“{name}”中有 {n} 张图片没有替代文字，请先在下面为每张图片写一句说明。',
  wordAltLegend: '为图片写替代文字',
  wordAltWhy:
    '看不见图片的读者（例如使用读屏软件的视障人士）靠这句话了解图片内容。也可以在 Word 中右键单击图片，选择“编辑替换文字”后重新选择文件。',
  wordAltLabel: '图片 {name}（位于“{after}”之后）',
  wordAltLabelAlone: '图片 {name}',
  wordAltRead: '填好了，读取文件',
  wordAltEmpty: '还有 {n} 张图片没有写替代文字。',
  wordImages: 'Word 文件中的 {n} 张图片已保留在正文中。发布时请把它们放在页面旁的 images 文件夹里：',
};

export type SourceWorkbenchMessages = { [K in keyof typeof zhHans]: string };

const zhHant: SourceWorkbenchMessages = {
  nextClauses: '下一步：核對條款',
  sourceIntro:
    '貼上文件全文（從網頁、Word 或 WPS 複製均可），或選擇檔案。工作台會辨識條款編號和文號、發布機構、日期等資訊。',
  sourceText: '文件內容',
  sourceTextHint: '純文字、Markdown 或網站後台的 HTML 均可。',
  sourceFile: '或選擇檔案',
  sourceFileHint: 'Word（.docx）檔案，或 UTF-8 編碼的 .txt、.md、.html 檔案；也可以把檔案拖到這裡。',
  sourceFormat: '格式',
  sourceReadButton: '辨識條款和文件資訊',
  sourceReread: '重新辨識（已寫的解讀會保留）',
  sourceFrom: '來自檔案：{name}',
  sourceEmpty: '還沒有內容：請貼上文件全文，或選擇檔案。',
  sourceProblems: '無法讀取這份文件：',
  sourceRead: '辨識出 {n} 個條款。',
  sourceKept: '已保留之前寫的 {n} 項解讀、問答和圖解。',
  sourceLostLinks: '有 {n} 處條款關聯在新文本中找不到對應條款，請在自檢中查看。',
  fileType: '無法讀取「{name}」：只支援 .docx、.txt、.md 和 .html 檔案。',
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
  wordReading: '正在讀取 Word 檔案「{name}」……',
  wordEngine: '無法載入 Word 讀取功能，未能讀取「{name}」。請檢查網路後重新選擇檔案。',
  wordOld:
    '「{name}」是 Word 97–2003（.doc）或 WPS（.wps）格式，或設定了密碼，無法讀取。請用 Word 或 WPS 開啟，選擇「檔案 → 另存新檔 → Word 文件（*.docx）」，再選擇另存的 .docx 檔案。',
  wordDamaged: '「{name}」不是可讀取的 Word 文件，可能已損壞。請用 Word 或 WPS 開啟後重新另存為 .docx，再選擇該檔案。',
  wordNeedsAlt: '「{name}」中有 {n} 張圖片沒有替代文字，請先在下面為每張圖片寫一句說明。',
  wordAltLegend: '為圖片寫替代文字',
  wordAltWhy:
    '看不見圖片的讀者（例如使用讀屏軟體的視障人士）靠這句話了解圖片內容。也可以在 Word 中以右鍵按一下圖片，選擇「編輯替代文字」後重新選擇檔案。',
  wordAltLabel: '圖片 {name}（位於「{after}」之後）',
  wordAltLabelAlone: '圖片 {name}',
  wordAltRead: '填好了，讀取檔案',
  wordAltEmpty: '還有 {n} 張圖片沒有寫替代文字。',
  wordImages: 'Word 檔案中的 {n} 張圖片已保留在正文中。發布時請把它們放在頁面旁的 images 資料夾裡：',
};

const en: SourceWorkbenchMessages = {
  nextClauses: 'Next: check the clauses',
  sourceIntro:
    'Paste the whole document (copied from a web page, Word or WPS), or choose a file. The workbench finds the clause numbering and the document number, issuer and dates.',
  sourceText: 'Document text',
  sourceTextHint: 'Plain text, markdown or the HTML of the site’s CMS.',
  sourceFile: 'Or choose a file',
  sourceFileHint: 'A Word file (.docx), or a UTF-8 .txt, .md or .html file; you can also drop the file here.',
  sourceFormat: 'Format',
  sourceReadButton: 'Find clauses and details',
  sourceReread: 'Read again (what you wrote is kept)',
  sourceFrom: 'From the file {name}',
  sourceEmpty: 'Nothing yet: paste the whole document or choose a file.',
  sourceProblems: 'This document could not be read:',
  sourceRead: '{n} clauses found.',
  sourceKept: 'The {n} notes, Q&A items and graphics written before are kept.',
  sourceLostLinks: '{n} clause links have no matching clause in the new text; see the self-check.',
  fileType: '“{name}” cannot be read: only .docx, .txt, .md and .html files are supported.',
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
  wordReading: 'Reading the Word file “{name}”…',
  wordEngine:
    'The Word reader could not be loaded, so “{name}” was not read. Check the connection and choose the file again.',
  wordOld:
    '“{name}” is a Word 97–2003 (.doc) or WPS (.wps) file, or has a password, and cannot be read. Open it in Word or WPS, choose File → Save As → Word Document (*.docx), and choose the .docx.',
  wordDamaged:
    '“{name}” is not a readable Word document; it may be damaged. Open it in Word or WPS, save it again as .docx, and choose that file.',
  wordNeedsAlt: '{n} image(s) in “{name}” have no text alternative: write one for each below first.',
  wordAltLegend: 'Text alternatives for the images',
  wordAltWhy:
    'Readers who cannot see an image (for example blind people using a screen reader) learn what it shows from this sentence. You can also right-click the image in Word, choose Edit Alt Text, and choose the file again.',
  wordAltLabel: 'Image {name} (after “{after}”)',
  wordAltLabelAlone: 'Image {name}',
  wordAltRead: 'Done: read the file',
  wordAltEmpty: '{n} image(s) still have no text alternative.',
  wordImages:
    'The {n} image(s) of the Word file are kept in the text. When publishing, put them in an images folder beside the page:',
};

export const sourceWorkbenchMessages: Catalogues<SourceWorkbenchMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};
