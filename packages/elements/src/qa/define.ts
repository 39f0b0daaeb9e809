import { defineElement } from '../internal/define.js';
import { GkQa } from './qa.js';

defineElement('gk-qa', GkQa);

declare global {
  interface HTMLElementTagNameMap {
    'gk-qa': GkQa;
  }
}
