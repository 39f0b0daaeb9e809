import { defineElement } from '../internal/define.js';
import { GkInterpretation } from './interpretation.js';

defineElement('gk-interpretation', GkInterpretation);

declare global {
  interface HTMLElementTagNameMap {
    'gk-interpretation': GkInterpretation;
  }
}
