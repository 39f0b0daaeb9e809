import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalogues, UiLang } from '../i18n/types.js';
import { type Messages, zhHans } from '../i18n/zh-Hans.js';
import { loadMoreCatalogues } from './lazy.js';

export type { Catalogues, UiLang } from '../i18n/types.js';

/** The core elements' text: simplified Chinese in the embed, the others once a page asks for them. */
const core: Partial<Catalogues<Messages>> = { 'zh-Hans': zhHans };
let coreLoading: Promise<void> | null = null;
/** Text that elements in chunks of their own bring for the core catalogue (see addCoreMessages). */
const added: Catalogues<Record<string, string>>[] = [];

function mergeAdded(): void {
  for (const lang of Object.keys(core) as UiLang[]) for (const more of added) Object.assign(core[lang]!, more[lang]);
}

/**
 * The text of an element loaded as a chunk of its own (gk-qa, gk-graphic) that uses the core
 * catalogue: merged into every language the core has, and those it loads later. Called by the
 * element's define.ts, before the element can render.
 */
export function addCoreMessages(more: Catalogues<Record<string, string>>): void {
  if (added.includes(more)) return;
  added.push(more);
  mergeAdded();
}

/** Resolves once the core text in `lang` is there; null when it already is (no extra microtask). */
function coreReady(lang: UiLang): Promise<void> | null {
  if (core[lang]) return null;
  coreLoading ??= loadMoreCatalogues().then(
    ({ catalogues }) => {
      Object.assign(core, catalogues);
      mergeAdded();
    },
    (error: unknown) => {
      // Offline or blocked: the page goes on in simplified Chinese rather than in nothing.
      console.warn('[gongkai] UI text could not be loaded; using simplified Chinese.', error);
      coreLoading = null;
      core[lang] = zhHans;
    },
  );
  return coreLoading;
}

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
  private readonly catalogues: Partial<Catalogues<M>>;
  /** The language found for the render under way: a render asks for many strings. */
  private rendering: UiLang | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly own?: Catalogues<M>,
  ) {
    this.catalogues = own ?? (core as unknown as Partial<Catalogues<M>>);
    host.addController(this);
  }

  /**
   * Runs the host's update once its text is there: from the element's scheduleUpdate, so that a
   * zh-Hant or English page never shows a first render in the wrong language.
   */
  whenReady(update: () => void): void | Promise<void> {
    const wait = this.own ? null : coreReady(this.lookUp());
    return wait ? wait.then(update) : update();
  }

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
    return langOf(this.host);
  }

  msg(key: keyof M, params: Record<string, string | number> = {}): string {
    const catalogue = this.catalogues[this.lang] ?? (this.catalogues['zh-Hans'] as M);
    return fill(catalogue[key]!, params);
  }
}

/** A catalogue entry with its `{name}` placeholders filled in. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

function langOf(element: Element): UiLang {
  return uiLang(closestLang(element) || document.documentElement.lang);
}

/** The core UI text for an element, for the few that are not Lit elements (see coreMessagesReady). */
export function coreMessages(element: Element): Messages {
  return core[langOf(element)] ?? zhHans;
}

/** Resolves when coreMessages(element) has the element's language; null when it already has. */
export function coreMessagesReady(element: Element): Promise<void> | null {
  return coreReady(langOf(element));
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
