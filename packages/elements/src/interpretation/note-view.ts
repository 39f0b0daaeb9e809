// Notes are built as plain DOM, once per list of notes: a column of 200 notes as nested Lit
// templates cost several times as much, and they change only in a class or an attribute later.
import type { Msg } from '../internal/load-bundle.js';
import type { Note, NoteGroup } from './notes.js';

const VIDEO = /\.(?:mp4|webm|ogv)(?:[?#]|$)/i;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One note: who interprets and when, the text, and for video or interview the transcript first.
 * `body` defaults to the note's own rendered body (a node can be in one place only).
 */
export function noteView(note: Note, t: Msg, isUpdate: boolean, body: Node = note.body): HTMLElement {
  const { role, author, date, media, kind } = note.note;
  const article = element('article', 'note');
  article.setAttribute('part', 'note');
  const byline = element('p', 'byline');
  if (isUpdate) byline.append(element('span', 'update', t('update')));
  if (role) byline.append(element('span', 'role', t(`role_${role}`)));
  if (kind && kind !== 'text') byline.append(element('span', 'kind', t(`kind_${kind}`)));
  if (author) byline.append(element('span', 'author', author));
  if (date) {
    const time = element('time', '', date);
    time.dateTime = date;
    byline.append(time);
  }
  article.append(byline, body);
  if (media) {
    const transcript = element('details', 'transcript');
    transcript.open = true;
    transcript.append(element('summary', '', t('transcript')), element('p', '', media.transcript));
    article.append(transcript);
    // The bundle's schema admits only safe URLs here (http(s) or relative).
    if (VIDEO.test(media.url)) {
      const video = element('video');
      video.controls = true;
      video.preload = 'none';
      video.src = media.url;
      if (media.poster) video.poster = media.poster;
      article.append(video);
    }
    const link = element('a', 'media-link', t('openMedia'));
    link.href = media.url;
    link.rel = 'noopener noreferrer';
    const line = element('p');
    line.append(link);
    article.append(line);
  }
  return article;
}

/**
 * A clause's notes: a button back to the clause, the newest note (marked as an update when
 * there are earlier ones), then the earlier ones behind a disclosure. `copyBodies` for a second
 * view of notes already shown elsewhere.
 */
export function groupContent(group: NoteGroup, t: Msg, clauseLabel: string, copyBodies = false): HTMLElement[] {
  const [latest, ...earlier] = group.notes;
  if (!latest) return [];
  const body = (note: Note) => (copyBodies ? note.body.cloneNode(true) : note.body);
  const go = element('button', 'go gk-link-button', t('goToClause', { clause: clauseLabel }));
  go.type = 'button';
  const nodes = [go, noteView(latest, t, earlier.length > 0, body(latest))];
  if (earlier.length) {
    const more = element('details', 'earlier');
    more.append(element('summary', '', t('earlierNotes', { count: earlier.length })));
    for (const note of earlier) more.append(noteView(note, t, false, body(note)));
    nodes.push(more);
  }
  return nodes;
}
