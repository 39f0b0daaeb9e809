// gk-chart's define.ts adds the text both elements use.
import '../chart/define.js';
import { defineElement } from '../internal/define.js';
import { GkGraphic } from './graphic.js';

defineElement('gk-graphic', GkGraphic);

declare global {
  interface HTMLElementTagNameMap {
    'gk-graphic': GkGraphic;
  }
}
