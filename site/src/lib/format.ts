/** Display helpers for dates and file sizes on the site's pages. */
import { formatDateLong, formatDateShort, formatNumber, type Attachment } from '@cchc/shared';

/** A date ready for a <time> element. */
export interface DisplayDate {
  /** Machine-readable value for the datetime attribute. */
  datetime: string;
  /** 14/03/2024 */
  short: string;
  /** ngày 14 tháng 3 năm 2024 */
  long: string;
}

/**
 * Formats a date from the API (ISO date or date-time) in Vietnam's time zone; null if unreadable.
 * @example displayDate('2024-03-14T01:00:00.000Z')?.long === 'ngày 14 tháng 3 năm 2024'
 */
export function displayDate(value: string): DisplayDate | null {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return { datetime: value, short: formatDateShort(instant), long: formatDateLong(instant) };
}

/**
 * A file size in Vietnamese notation, from kilobytes as Strapi stores them.
 * @example formatFileSize(532.4) === '532 KB'
 * @example formatFileSize(1240) === '1,2 MB'
 */
export function formatFileSize(sizeKb: number): string {
  // Strapi's kilobytes are 1000 bytes, so a megabyte here is 1000 of them.
  if (sizeKb < 1000) return `${formatNumber(Math.max(1, Math.round(sizeKb)))} KB`;
  return `${formatNumber(Math.round(sizeKb / 100) / 10)} MB`;
}

/** An attachment as a download link shows it. */
export interface AttachmentLink {
  href: string;
  name: string;
  /** File type and size, e.g. "PDF, 1,2 MB". */
  details: string;
}

/**
 * The file type shown to readers: the name's extension in capitals, else the MIME subtype.
 * @example fileTypeLabel('ke-hoach-2024.pdf', 'application/pdf') === 'PDF'
 */
export function fileTypeLabel(name: string, mime: string): string {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  return (extension ?? mime.split('/').at(-1) ?? mime).toUpperCase();
}

/** The link, name and details of an attachment's download link. */
export function attachmentLink(attachment: Attachment, resolve: (path: string) => string): AttachmentLink {
  return {
    href: resolve(attachment.url),
    name: attachment.name,
    details: `${fileTypeLabel(attachment.name, attachment.mime)}, ${formatFileSize(attachment.sizeKb)}`,
  };
}
