/**
 * Files from the admin API: the admin API needs the administrator's token, so a plain
 * link cannot fetch them; the hooks fetch a blob with Strapi's client and save it here.
 */

/** The name the server gives a download, from its Content-Disposition header (the UTF-8 `filename*` first: Vietnamese names). */
export function fileNameOf(headers: Headers | undefined, fallback: string): string {
  const disposition = headers?.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: the plain name below.
    }
  }
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/** Saves a blob through a temporary link. */
export function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Later than the click: some browsers start the download only after this turn of the event loop.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
