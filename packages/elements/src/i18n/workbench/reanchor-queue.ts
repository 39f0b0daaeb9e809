// The text of the workbench's queue of notes whose place changed with a revision ("以下解读的
// 位置有变化，请确认或重新定位"): a chunk of its own with the queue, loaded only when notes wait.
import type { Catalogues } from '../types.js';

const zhHans = {
  reanchorTitle: '以下解读的位置有变化，请确认或重新定位',
  reanchorIntro: '原文修订后，这些解读在新文本中的位置不能确定。确认或重新定位之前，读者看到的是“未能定位的解读”。',
  reanchorNote: '解读 {n}',
  reanchorWas: '原位置',
  reanchorWasText: '原来解读的原文',
  reanchorCandidate: '新文本中最接近的位置',
  reanchorCandidateMark: '候选原文：',
  reanchorNoCandidate: '新文本中找不到这段原文，该条可能已删除。请重新定位或删除这条解读。',
  reanchorConfirm: '确认',
  reanchorConfirmLabel: '确认解读 {n} 关联到{clause}',
  reanchorReplace: '重新定位',
  reanchorReplaceLabel: '重新定位解读 {n}',
  reanchorDelete: '删除',
  reanchorDeleteLabel: '删除解读 {n}',
  reanchorConfirmed: '已确认：解读 {n} 关联到{clause}。',
  reanchorDone: '所有位置有变化的解读都已处理。',
  confidenceHigh: '相当接近（相似度 {pct}%），请核对后确认',
  confidenceMedium: '部分相似（相似度 {pct}%），请仔细核对',
  confidenceLow: '差异较大（相似度 {pct}%），很可能不是同一段',
  confidenceAmbiguous: '文中有多处相似，这是其中一处，请核对',
  confidenceRewritten: '原文已改写，这是原条文在新文本中的样子',
  confidenceMoved: '这几个字出现在另一条中，可能只是相同的说法，请核对',
};

export type ReanchorQueueMessages = { [K in keyof typeof zhHans]: string };

const zhHant: ReanchorQueueMessages = {
  reanchorTitle: '以下解讀的位置有變化，請確認或重新定位',
  reanchorIntro: '原文修訂後，這些解讀在新文本中的位置不能確定。確認或重新定位之前，讀者看到的是「未能定位的解讀」。',
  reanchorNote: '解讀 {n}',
  reanchorWas: '原位置',
  reanchorWasText: '原來解讀的原文',
  reanchorCandidate: '新文本中最接近的位置',
  reanchorCandidateMark: '候選原文：',
  reanchorNoCandidate: '新文本中找不到這段原文，該條可能已刪除。請重新定位或刪除這條解讀。',
  reanchorConfirm: '確認',
  reanchorConfirmLabel: '確認解讀 {n} 關聯到{clause}',
  reanchorReplace: '重新定位',
  reanchorReplaceLabel: '重新定位解讀 {n}',
  reanchorDelete: '刪除',
  reanchorDeleteLabel: '刪除解讀 {n}',
  reanchorConfirmed: '已確認：解讀 {n} 關聯到{clause}。',
  reanchorDone: '所有位置有變化的解讀都已處理。',
  confidenceHigh: '相當接近（相似度 {pct}%），請核對後確認',
  confidenceMedium: '部分相似（相似度 {pct}%），請仔細核對',
  confidenceLow: '差異較大（相似度 {pct}%），很可能不是同一段',
  confidenceAmbiguous: '文中有多處相似，這是其中一處，請核對',
  confidenceRewritten: '原文已改寫，這是原條文在新文本中的樣子',
  confidenceMoved: '這幾個字出現在另一條中，可能只是相同的說法，請核對',
};

const en: ReanchorQueueMessages = {
  reanchorTitle: 'These notes moved: confirm or re-place them',
  reanchorIntro:
    'The text was revised and the new place of these notes is not certain. Until each is confirmed or re-placed, readers see it among the notes that could not be placed.',
  reanchorNote: 'Note {n}',
  reanchorWas: 'Was on',
  reanchorWasText: 'The passage it explained',
  reanchorCandidate: 'Closest place in the new text',
  reanchorCandidateMark: 'candidate passage: ',
  reanchorNoCandidate:
    'This passage is not in the new text; its clause may have been removed. Re-place the note or delete it.',
  reanchorConfirm: 'Confirm',
  reanchorConfirmLabel: 'Confirm note {n} on {clause}',
  reanchorReplace: 'Re-place',
  reanchorReplaceLabel: 'Re-place note {n}',
  reanchorDelete: 'Delete',
  reanchorDeleteLabel: 'Delete note {n}',
  reanchorConfirmed: 'Confirmed: note {n} is on {clause}.',
  reanchorDone: 'Every note that moved has been dealt with.',
  confidenceHigh: 'quite close ({pct}% similar): check, then confirm',
  confidenceMedium: 'partly similar ({pct}% similar): check carefully',
  confidenceLow: 'quite different ({pct}% similar): probably not the same passage',
  confidenceAmbiguous: 'similar text appears in several places; this is one of them: check',
  confidenceRewritten: 'the passage was rewritten; this is what its clause says now',
  confidenceMoved: 'these words appear in another clause; it may only be the same phrase: check',
};

export const reanchorQueueMessages: Catalogues<ReanchorQueueMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};
