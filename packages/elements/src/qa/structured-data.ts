// schema.org FAQPage for search engines, as a JSON-LD script in the element's light DOM.
export interface FaqEntry {
  question: string;
  answer: string;
}

export function faqJsonLd(entries: readonly FaqEntry[]): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: entries.map((e) => ({
      '@type': 'Question',
      name: e.question,
      acceptedAnswer: { '@type': 'Answer', text: e.answer },
    })),
  };
  // `<` escaped so the text stays inert even if the page is later serialised as HTML.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Puts (or updates) the script in `host`'s light DOM; returns it. */
export function placeJsonLd(host: HTMLElement, existing: HTMLScriptElement | null, json: string): HTMLScriptElement {
  const script = existing ?? document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = json;
  if (script.parentNode !== host) host.append(script);
  return script;
}
