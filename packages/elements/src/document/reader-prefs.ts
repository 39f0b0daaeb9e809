// The reader's text size and contrast, remembered on this device for every Gongkai page.
const KEY = 'gongkai:reader';
export const TEXT_SIZES = [1, 1.125, 1.25, 1.5] as const;

export interface ReaderPrefs {
  /** Index into TEXT_SIZES. */
  textSize: number;
  contrast: boolean;
}

export function loadPrefs(): ReaderPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ReaderPrefs>;
    const size = Number(saved.textSize);
    return {
      textSize: Number.isInteger(size) && size >= 0 && size < TEXT_SIZES.length ? size : 0,
      contrast: saved.contrast === true,
    };
  } catch {
    return { textSize: 0, contrast: false };
  }
}

export function savePrefs(prefs: ReaderPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage may be disabled (private mode, policy): the setting then lasts for this page only.
  }
}
