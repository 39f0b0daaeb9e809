// Filled in by the search work (issue 4).
export {};
