/** Offers `blob` as a download named `name`, as a link click would. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns: keep it a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
