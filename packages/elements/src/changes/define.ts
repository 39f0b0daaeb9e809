import { defineElement } from '../internal/define.js';
import { GkChangeMark } from './mark.js';
import { GkChangeRedline } from './redline.js';
import { GkChangeSummary } from './summary.js';

defineElement('gk-change-summary', GkChangeSummary);
defineElement('gk-change-mark', GkChangeMark);
defineElement('gk-change-redline', GkChangeRedline);

declare global {
  interface HTMLElementTagNameMap {
    'gk-change-summary': GkChangeSummary;
    'gk-change-mark': GkChangeMark;
    'gk-change-redline': GkChangeRedline;
  }
}
