// gk-follow is registered on its own: the bar loads it when 关注 is first pressed, so the
// comment form's chunk does not carry it.
import { defineElement } from '../internal/define.js';
import { GkFollow } from './follow.js';

defineElement('gk-follow', GkFollow);

declare global {
  interface HTMLElementTagNameMap {
    'gk-follow': GkFollow;
  }
}
