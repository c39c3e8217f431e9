/**
 * Files from the admin API: the admin API needs the administrator's token, so a plain
 * link cannot fetch them; the hooks fetch a blob with Strapi's client and save it here.
 */

/** The name the server gives a download, from its Content-Disposition header. */
export const fileNameOf = (headers: Headers | undefined, fallback: string) => headers?.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? fallback;

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
