/** Text (or any value) safe inside HTML, in text or a quoted attribute: & < > " ' as numeric entities. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
