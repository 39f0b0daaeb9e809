import { defineElement } from '../internal/define.js';
import { GkPolicy } from './policy.js';

defineElement('gk-policy', GkPolicy);

declare global {
  interface HTMLElementTagNameMap {
    'gk-policy': GkPolicy;
  }
}
