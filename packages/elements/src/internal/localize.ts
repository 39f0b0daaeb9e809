import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../i18n/en.js';
import { type Messages, zhHans } from '../i18n/zh-Hans.js';
import { zhHant } from '../i18n/zh-Hant.js';

export type UiLang = 'zh-Hans' | 'zh-Hant' | 'en';
/** UI text in each language: the simplified Chinese object is the shape the others follow. */
export type Catalogues<M extends Record<string, string>> = Record<UiLang, M>;
const core: Catalogues<Messages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** Maps any BCP 47 tag to the UI languages we ship; Chinese (simplified) is the default. */
export function uiLang(tag: string | null | undefined): UiLang {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('en')) return 'en';
  if (/^zh-(hant|tw|hk|mo)/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * Text in the language of the element's own `lang` or its closest ancestor's. Elements loaded
 * as separate parts (consultation, feedback, review) bring their own catalogues, so the core
 * embed does not carry their text.
 */
export class LocalizeController<M extends Record<string, string> = Messages> implements ReactiveController {
  private readonly catalogues: Catalogues<M>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    catalogues?: Catalogues<M>,
  ) {
    this.catalogues = catalogues ?? (core as unknown as Catalogues<M>);
    host.addController(this);
  }

  /** The language found for the render under way: a render asks for many strings. */
  private rendering: UiLang | null = null;

  hostConnected(): void {}

  hostUpdate(): void {
    this.rendering = this.lookUp();
  }

  hostUpdated(): void {
    this.rendering = null;
  }

  get lang(): UiLang {
    return this.rendering ?? this.lookUp();
  }

  private lookUp(): UiLang {
    return uiLang(closestLang(this.host) || document.documentElement.lang);
  }

  msg(key: keyof M, params: Record<string, string | number> = {}): string {
    return fill(this.catalogues[this.lang][key]!, params);
  }
}

/** A catalogue entry with its `{name}` placeholders filled in. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The core UI text for an element, for the few that are not Lit elements. */
export function coreMessages(element: Element): Messages {
  return core[uiLang(closestLang(element) || document.documentElement.lang)];
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
