import { html, nothing } from 'lit';
import type { Messages } from '../i18n/zh-Hans.js';
import type { Note, NoteGroup } from './notes.js';

type Msg = (key: keyof Messages, params?: Record<string, string | number>) => string;

const VIDEO = /\.(?:mp4|webm|ogv)(?:[?#]|$)/i;

/** One note: who interprets and when, the text, and for video or interview the transcript first. */
export function renderNote(note: Note, t: Msg, isUpdate: boolean) {
  const { role, author, date, media, kind } = note.note;
  return html`<article class="note" part="note">
    <p class="byline">
      ${isUpdate ? html`<span class="update">${t('update')}</span>` : nothing}
      ${role ? html`<span class="role">${t(`role_${role}`)}</span>` : nothing}
      ${kind && kind !== 'text' ? html`<span class="kind">${t(`kind_${kind}`)}</span>` : nothing}
      ${author ? html`<span class="author">${author}</span>` : nothing}
      ${date ? html`<time datetime=${date}>${date}</time>` : nothing}
    </p>
    ${note.body}
    ${
      media
        ? html`<details class="transcript" open>
          <summary>${t('transcript')}</summary>
          <p>${media.transcript}</p>
        </details>
        ${
          VIDEO.test(media.url)
            ? html`<video controls preload="none" src=${media.url} poster=${media.poster ?? nothing}></video>`
            : nothing
        }
        <p><a href=${media.url} rel="noopener noreferrer">${t('openMedia')}</a></p>`
        : nothing
    }
  </article>`;
}

/** A clause's notes: the newest, marked as an update when there are earlier ones, then the rest. */
export function renderGroup(group: NoteGroup, t: Msg, clauseLabel: string, go: () => void) {
  const [latest, ...earlier] = group.notes;
  if (!latest) return nothing;
  return html`
    <header class="group-head">
      <span class="print-number">${t('noteShort')}${group.number}</span>
      <button type="button" class="go gk-link-button" @click=${go}>${t('goToClause', { clause: clauseLabel })}</button>
    </header>
    ${renderNote(latest, t, earlier.length > 0)}
    ${
      earlier.length
        ? html`<details class="earlier">
          <summary>${t('earlierNotes', { count: earlier.length })}</summary>
          ${earlier.map((n) => renderNote(n, t, false))}
        </details>`
        : nothing
    }
  `;
}
