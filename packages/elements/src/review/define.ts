import { defineElement } from '../internal/define.js';
import { GkReview } from './review.js';

defineElement('gk-review', GkReview);

declare global {
  interface HTMLElementTagNameMap {
    'gk-review': GkReview;
  }
}
