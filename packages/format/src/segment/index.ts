// Filled in by the segment work (issue 4).
export {};
