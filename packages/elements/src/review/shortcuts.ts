// Keyboard shortcuts for the common path, and their help dialog (opened with "?"). They act only
// when focus is not in a field where the key would be typed; Alt+T (the reason template) works in
// the reason box too, where 1–4 leave the focus.
import type { Decision } from '@gongkai/format';
import { DECISIONS } from '@gongkai/format';
import { html } from 'lit';
import type { ReviewMessages } from '../i18n/review.js';
import type { ReviewMsg } from './labels.js';

export type Shortcut =
  | { action: 'next' | 'previous' | 'open' | 'close' | 'approve' | 'decide' | 'template' | 'search' | 'help' }
  | { action: 'decision'; decision: Decision }
  /** Chooses the row under the cursor for bulk actions, or leaves it; `range`: from the last one. */
  | { action: 'select'; range: boolean };

export const SHORTCUTS: { keys: string[]; label: keyof ReviewMessages }[] = [
  { keys: ['J', '↓'], label: 'keyNext' },
  { keys: ['K', '↑'], label: 'keyPrevious' },
  { keys: ['O', 'Enter'], label: 'keyOpen' },
  { keys: ['Esc'], label: 'keyClose' },
  { keys: ['A'], label: 'keyApprove' },
  { keys: ['D'], label: 'keyDecide' },
  { keys: ['1', '2', '3', '4'], label: 'keyDecision' },
  { keys: ['T', 'Alt+T'], label: 'keyTemplate' },
  { keys: ['X'], label: 'keySelect' },
  { keys: ['Shift+X'], label: 'keySelectRange' },
  { keys: ['Ctrl+Enter'], label: 'keySave' },
  { keys: ['/'], label: 'keySearch' },
  { keys: ['?'], label: 'keyHelp' },
];

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Focus is where a key types or picks: a text field, a list box, editable content. */
function typing(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** The shortcut a key press asks for, or null when the key belongs to the field or the browser. */
export function shortcutFor(event: KeyboardEvent): Shortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return null;
  // By the key's place, not its character: on a Mac, Alt+T types "†".
  if (event.altKey) return event.code === 'KeyT' && !event.shiftKey ? { action: 'template' } : null;
  const target = event.composedPath()[0];
  if (typing(target)) return null;
  // Arrows keep their meaning in radio groups and other controls.
  const control = target instanceof HTMLInputElement;
  switch (event.key) {
    case 'j':
      return { action: 'next' };
    case 'ArrowDown':
      return control ? null : { action: 'next' };
    case 'k':
      return { action: 'previous' };
    case 'ArrowUp':
      return control ? null : { action: 'previous' };
    case 'o':
      return { action: 'open' };
    case 'Escape':
      return { action: 'close' };
    case 'a':
      return { action: 'approve' };
    case 'd':
      return { action: 'decide' };
    case 't':
      return { action: 'template' };
    case 'x':
      return { action: 'select', range: false };
    case 'X':
      return { action: 'select', range: event.shiftKey };
    case '/':
      return { action: 'search' };
    case '?':
      return { action: 'help' };
    case '1':
    case '2':
    case '3':
    case '4':
      return { action: 'decision', decision: DECISIONS[Number(event.key) - 1]! };
    default:
      return null;
  }
}

export function renderHelp(t: ReviewMsg, onClose: () => void) {
  return html`<dialog id="help" part="help" aria-labelledby="help-title" @close=${onClose}>
    <h2 id="help-title">${t('helpTitle')}</h2>
    <table class="keys">
      <caption class="sr-only">${t('helpTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('helpKey')}</th>
          <th scope="col">${t('helpAction')}</th>
        </tr>
      </thead>
      <tbody>
        ${SHORTCUTS.map(
          (s) => html`<tr>
            <td>${s.keys.map((k, i) => html`${i ? ' / ' : ''}<kbd>${k}</kbd>`)}</td>
            <td>${t(s.label)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p class="hint">${t('helpNote')}</p>
    <form method="dialog">
      <button type="submit" class="gk-button" autofocus>${t('close')}</button>
    </form>
  </dialog>`;
}
