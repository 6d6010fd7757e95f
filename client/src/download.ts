/**
 * Offers a file to the analyst as a download, from a blob: URL (which the page's CSP allows).
 * Used by the view export and the console's CSV export.
 */
export function offerDownload(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser may still be reading it when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
