import { defineElement } from '../internal/define.js';
import { GkConsultationBar } from './bar.js';
import { GkConsultation } from './consultation.js';

defineElement('gk-consultation', GkConsultation);
defineElement('gk-consultation-bar', GkConsultationBar);

declare global {
  interface HTMLElementTagNameMap {
    'gk-consultation': GkConsultation;
    'gk-consultation-bar': GkConsultationBar;
  }
}
