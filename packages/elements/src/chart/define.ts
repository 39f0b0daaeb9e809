import { defineElement } from '../internal/define.js';
import { GkChart } from './chart.js';

defineElement('gk-chart', GkChart);

declare global {
  interface HTMLElementTagNameMap {
    'gk-chart': GkChart;
  }
}
