// Filled in by the anchor work (issue 4).
export {};
