import { qaMessages } from '../i18n/qa.js';
import { defineElement } from '../internal/define.js';
import { addCoreMessages } from '../internal/localize.js';
import { GkQa } from './qa.js';

addCoreMessages(qaMessages);
defineElement('gk-qa', GkQa);

declare global {
  interface HTMLElementTagNameMap {
    'gk-qa': GkQa;
  }
}
