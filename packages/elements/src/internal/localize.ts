import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../i18n/en.js';
import { type Messages, zhHans } from '../i18n/zh-Hans.js';
import { zhHant } from '../i18n/zh-Hant.js';

export type UiLang = 'zh-Hans' | 'zh-Hant' | 'en';
const catalogues: Record<UiLang, Messages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** Maps any BCP 47 tag to the UI languages we ship; Chinese (simplified) is the default. */
export function uiLang(tag: string | null | undefined): UiLang {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('en')) return 'en';
  if (/^zh-(hant|tw|hk|mo)/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/** Text in the language of the element's own `lang` or its closest ancestor's. */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  get lang(): UiLang {
    return uiLang(closestLang(this.host) || document.documentElement.lang);
  }

  msg(key: keyof Messages, params: Record<string, string | number> = {}): string {
    return catalogues[this.lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  }
}

/** The nearest `lang`, looking through shadow roots (gk-policy's `lang` reaches its parts). */
export function closestLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
