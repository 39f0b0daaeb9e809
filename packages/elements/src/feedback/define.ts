import { defineElement } from '../internal/define.js';
import { GkFeedback } from './feedback.js';

defineElement('gk-feedback', GkFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'gk-feedback': GkFeedback;
  }
}
