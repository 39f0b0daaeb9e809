import { defineElement } from '../internal/define.js';
import { GkClauseTools } from './clause-tools.js';

defineElement('gk-clause-tools', GkClauseTools);

declare global {
  interface HTMLElementTagNameMap {
    'gk-clause-tools': GkClauseTools;
  }
}
