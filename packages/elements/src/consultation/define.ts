import { defineElement } from '../internal/define.js';
import { GkConsultation } from './consultation.js';

defineElement('gk-consultation', GkConsultation);

declare global {
  interface HTMLElementTagNameMap {
    'gk-consultation': GkConsultation;
  }
}
