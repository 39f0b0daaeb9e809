const warned = new Set<string>();

/** Registers a tag once; a second copy of Gongkai on the page keeps the first and warns once. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`[gongkai] <${tag}> is already defined by another copy of Gongkai; keeping the first one.`);
  }
}
