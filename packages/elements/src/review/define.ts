import { defineElement } from '../internal/define.js';
// The publishing panel previews the feedback with the element citizens read it in.
import '../feedback/define.js';
import { GkReview } from './review.js';

defineElement('gk-review', GkReview);

declare global {
  interface HTMLElementTagNameMap {
    'gk-review': GkReview;
  }
}
