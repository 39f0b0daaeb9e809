// The text of gk-workbench (the drafter's workbench), a catalogue per step (i18n/workbench/): it
// ships in the staff bundle, so the citizens' embed does not carry it.
import type { Catalogues, UiLang } from './types.js';
import { type CheckWorkbenchMessages, checkWorkbenchMessages } from './workbench/check.js';
import { type ClausesWorkbenchMessages, clausesWorkbenchMessages } from './workbench/clauses.js';
import { type CommonWorkbenchMessages, commonWorkbenchMessages } from './workbench/common.js';
import { type GraphicsWorkbenchMessages, graphicsWorkbenchMessages } from './workbench/graphics.js';
import { type MetaWorkbenchMessages, metaWorkbenchMessages } from './workbench/meta.js';
import { type NotesWorkbenchMessages, notesWorkbenchMessages } from './workbench/notes.js';
import { type QaWorkbenchMessages, qaWorkbenchMessages } from './workbench/qa.js';
import { type ReanchorWorkbenchMessages, reanchorWorkbenchMessages } from './workbench/reanchor.js';
import { type SaveWorkbenchMessages, saveWorkbenchMessages } from './workbench/save.js';
import { type SourceWorkbenchMessages, sourceWorkbenchMessages } from './workbench/source.js';

export type WorkbenchMessages = CommonWorkbenchMessages &
  SourceWorkbenchMessages &
  ClausesWorkbenchMessages &
  MetaWorkbenchMessages &
  NotesWorkbenchMessages &
  ReanchorWorkbenchMessages &
  QaWorkbenchMessages &
  GraphicsWorkbenchMessages &
  CheckWorkbenchMessages &
  SaveWorkbenchMessages;

const inLang = (lang: UiLang): WorkbenchMessages => ({
  ...commonWorkbenchMessages[lang],
  ...sourceWorkbenchMessages[lang],
  ...clausesWorkbenchMessages[lang],
  ...metaWorkbenchMessages[lang],
  ...notesWorkbenchMessages[lang],
  ...reanchorWorkbenchMessages[lang],
  ...qaWorkbenchMessages[lang],
  ...graphicsWorkbenchMessages[lang],
  ...checkWorkbenchMessages[lang],
  ...saveWorkbenchMessages[lang],
});

export const workbenchMessages: Catalogues<WorkbenchMessages> = {
  'zh-Hans': inLang('zh-Hans'),
  'zh-Hant': inLang('zh-Hant'),
  en: inLang('en'),
};
