import { defineElement } from '../internal/define.js';
import { GkDocument } from './document.js';

defineElement('gk-document', GkDocument);

declare global {
  interface HTMLElementTagNameMap {
    'gk-document': GkDocument;
  }
}
