/** Ordering and grouping of agencies for the agency index. */
import { AGENCY_KINDS, compareVi, type Agency } from '@cchc/shared';
import { UI } from './messages';

/** A titled group of agencies. */
export interface AgencyGroup {
  key: string;
  title: string;
  agencies: Agency[];
}

/**
 * Active agencies grouped by kind (in the kinds' order), each group sorted in
 * Vietnamese alphabetical order; merged or retired agencies last, in their own group.
 */
export function groupAgencies(agencies: readonly Agency[]): AgencyGroup[] {
  const byName = [...agencies].sort((a, b) => compareVi(a.name, b.name));
  const groups: AgencyGroup[] = AGENCY_KINDS.map((kind) => ({
    key: kind.code,
    title: kind.label,
    agencies: byName.filter((a) => a.active && a.kind === kind.code),
  }));
  groups.push({ key: 'inactive', title: UI.inactiveGroup, agencies: byName.filter((a) => !a.active) });
  return groups.filter((group) => group.agencies.length > 0);
}

/**
 * A link for a website field: an http(s) URL ("https://" added when the scheme is
 * missing), or null when the value is not a web address (never a javascript: link).
 * @example safeWebsite('sotuphap.binhdinh.gov.vn') === 'https://sotuphap.binhdinh.gov.vn'
 */
export function safeWebsite(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!/^https?:\/\//i.test(candidate)) return null;
  try {
    return new URL(candidate).hostname.includes('.') ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * A tel: link for a phone number as people write it.
 * @example telHref('0256 3 800 001') === 'tel:02563800001'
 */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
