/** Kinds of agencies that take part in a provincial CCHC communication plan. */
export const AGENCY_KINDS = [
  { code: 'department', label: 'Sở, ban, ngành' },
  { code: 'district-committee', label: 'UBND cấp huyện' },
  { code: 'commune-committee', label: 'UBND cấp xã' },
  { code: 'press', label: 'Báo chí, phát thanh – truyền hình' },
  { code: 'association', label: 'Hội, đoàn thể' },
  { code: 'central-agency', label: 'Cơ quan Trung ương trên địa bàn' },
  { code: 'other', label: 'Khác' },
] as const;

/** An agency kind code. */
export type AgencyKind = (typeof AGENCY_KINDS)[number]['code'];

/** All agency kind codes. */
export const AGENCY_KIND_CODES = AGENCY_KINDS.map((k) => k.code) as [AgencyKind, ...AgencyKind[]];

/** The Vietnamese label of an agency kind. */
export function agencyKindLabel(code: AgencyKind): string {
  return AGENCY_KINDS.find((k) => k.code === code)?.label ?? code;
}
