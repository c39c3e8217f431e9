/**
 * The six reform areas of the national CCHC programme. Codes are fixed by the
 * programme; their names, descriptions and lead agencies are data in the CMS.
 */
export const REFORM_AREA_CODES = [
  'the-che',
  'thu-tuc-hanh-chinh',
  'to-chuc-bo-may',
  'cong-vu',
  'tai-chinh-cong',
  'chinh-quyen-so',
] as const;

/** One of the six reform area codes. */
export type ReformAreaCode = (typeof REFORM_AREA_CODES)[number];

/** Narrows a string to a reform area code. */
export function isReformAreaCode(value: string): value is ReformAreaCode {
  return (REFORM_AREA_CODES as readonly string[]).includes(value);
}
