import { defineElement } from '../internal/define.js';
import { GkWorkbench } from './workbench.js';

defineElement('gk-workbench', GkWorkbench);

declare global {
  interface HTMLElementTagNameMap {
    'gk-workbench': GkWorkbench;
  }
}
