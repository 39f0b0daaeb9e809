import { defineElement } from '../internal/define.js';
import { GkConsultationBar } from './bar.js';
import { GkConsultation } from './consultation.js';
import { GkFollow } from './follow.js';

defineElement('gk-consultation', GkConsultation);
defineElement('gk-consultation-bar', GkConsultationBar);
defineElement('gk-follow', GkFollow);

declare global {
  interface HTMLElementTagNameMap {
    'gk-consultation': GkConsultation;
    'gk-consultation-bar': GkConsultationBar;
    'gk-follow': GkFollow;
  }
}
