/** The committee's members as its structure shows them: grouped by position. */
import { MEMBER_POSITIONS, compareVi, type CommitteeMember, type MemberPosition } from '@cchc/shared';

/** The members of one position, with its Vietnamese and English labels. */
export interface MemberGroup {
  position: MemberPosition;
  label: string;
  labelEn: string;
  members: CommitteeMember[];
}

/**
 * Members grouped by position in MEMBER_POSITIONS order (head, deputies, members, support
 * team), each group by the members' order then name; empty groups are left out.
 */
export function groupMembers(members: readonly CommitteeMember[]): MemberGroup[] {
  return MEMBER_POSITIONS.map((p) => ({
    position: p.code,
    label: p.label,
    labelEn: p.labelEn,
    members: members.filter((m) => m.position === p.code).sort((a, b) => a.order - b.order || compareVi(a.name, b.name)),
  })).filter((group) => group.members.length > 0);
}

/**
 * The id of a position's section on the about pages.
 * @example memberGroupId('pho-truong-ban') === 'thanh-phan-pho-truong-ban'
 */
export function memberGroupId(position: string): string {
  return `thanh-phan-${position}`;
}
