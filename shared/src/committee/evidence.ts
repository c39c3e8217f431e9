/**
 * Evidence links of a plan task, as an editor types them: one per line,
 * "label | URL". The URL is an http(s) address or a path on the site.
 */
import { nfc } from '../text/vietnamese.js';

/** One link. */
export interface Evidence {
  label: string;
  url: string;
}

const URL_PATTERN = /^(https?:\/\/[^\s]+|\/[^\s]*)$/i;

/**
 * Parses the text; `errors` names each line that is not "label | URL" (1-based), in Vietnamese.
 * @example parseEvidence('Báo cáo quý I | /ban-chi-dao/van-ban/bao-cao').links[0].label === 'Báo cáo quý I'
 */
export function parseEvidence(text: string | null | undefined): { links: Evidence[]; errors: string[] } {
  const links: Evidence[] = [];
  const errors: string[] = [];
  (text ?? '').split(/\r?\n/).forEach((raw, i) => {
    const line = nfc(raw.trim());
    if (line === '') return;
    const bar = line.lastIndexOf('|');
    const label = bar > 0 ? line.slice(0, bar).trim() : '';
    const url = bar > 0 ? line.slice(bar + 1).trim() : '';
    if (label === '' || !URL_PATTERN.test(url)) {
      errors.push(`Dòng ${i + 1} của "Minh chứng" cần dạng "Tên minh chứng | https://địa-chỉ" hoặc "Tên | /đường-dẫn-trên-trang".`);
      return;
    }
    links.push({ label, url });
  });
  return { links, errors };
}
