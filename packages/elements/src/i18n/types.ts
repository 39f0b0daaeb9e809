// The languages of the UI and the shape of a catalogue: a leaf, so that catalogues import
// nothing from the elements that read them.
export type UiLang = 'zh-Hans' | 'zh-Hant' | 'en';
/** UI text in each language: the simplified Chinese object is the shape the others follow. */
export type Catalogues<M extends Record<string, string>> = Record<UiLang, M>;
