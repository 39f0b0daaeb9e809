import { graphicMessages } from '../i18n/graphic.js';
import { defineElement } from '../internal/define.js';
import { addCoreMessages } from '../internal/localize.js';
import { GkChart } from './chart.js';

addCoreMessages(graphicMessages);
defineElement('gk-chart', GkChart);

declare global {
  interface HTMLElementTagNameMap {
    'gk-chart': GkChart;
  }
}
