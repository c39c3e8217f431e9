/**
 * Vocabularies of the Steering Committee website: positions in the committee,
 * document types and statuses, reform indices, event kinds, channel kinds and the
 * status of a plan task. Codes are stored; labels are what people read.
 */

const codesOf = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code) as [T['code'], ...T['code'][]];
const labelIn = <T extends { code: string; label: string }>(list: readonly T[]) => (code: string): string =>
  list.find((x) => x.code === code)?.label ?? code;

/** Positions in the committee, in the order the structure is shown. */
export const MEMBER_POSITIONS = [
  { code: 'truong-ban', label: 'Trưởng ban', labelEn: 'Head' },
  { code: 'pho-truong-ban', label: 'Phó Trưởng ban', labelEn: 'Deputy Head' },
  { code: 'thanh-vien', label: 'Thành viên', labelEn: 'Member' },
  { code: 'to-giup-viec', label: 'Tổ giúp việc', labelEn: 'Support team' },
] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number]['code'];
export const MEMBER_POSITION_CODES = codesOf(MEMBER_POSITIONS);
export const memberPositionLabel = labelIn(MEMBER_POSITIONS);
/** The English label of a position. */
export const memberPositionLabelEn = (code: string): string => MEMBER_POSITIONS.find((x) => x.code === code)?.labelEn ?? code;

/** Types of steering documents (văn bản chỉ đạo, điều hành). */
export const DOCUMENT_TYPES = [
  { code: 'nghi-quyet', label: 'Nghị quyết' },
  { code: 'quyet-dinh', label: 'Quyết định' },
  { code: 'chi-thi', label: 'Chỉ thị' },
  { code: 'ke-hoach', label: 'Kế hoạch' },
  { code: 'chuong-trinh', label: 'Chương trình' },
  { code: 'cong-van', label: 'Công văn' },
  { code: 'huong-dan', label: 'Hướng dẫn' },
  { code: 'bao-cao', label: 'Báo cáo' },
  { code: 'thong-bao', label: 'Thông báo' },
  { code: 'khac', label: 'Văn bản khác' },
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = codesOf(DOCUMENT_TYPES);
export const documentTypeLabel = labelIn(DOCUMENT_TYPES);

/** Whether a document is in force. */
export const DOCUMENT_STATUSES = [
  { code: 'con-hieu-luc', label: 'Còn hiệu lực' },
  { code: 'chua-hieu-luc', label: 'Chưa có hiệu lực' },
  { code: 'het-hieu-luc-mot-phan', label: 'Hết hiệu lực một phần' },
  { code: 'het-hieu-luc', label: 'Hết hiệu lực' },
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]['code'];
export const DOCUMENT_STATUS_CODES = codesOf(DOCUMENT_STATUSES);
export const documentStatusLabel = labelIn(DOCUMENT_STATUSES);

/** The reform indices, with their Vietnamese and English names. A higher score and a lower rank are better. */
export const REFORM_INDICES = [
  { code: 'par-index', label: 'PAR Index', name: 'Chỉ số cải cách hành chính', nameEn: 'Public Administration Reform Index' },
  { code: 'sipas', label: 'SIPAS', name: 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước', nameEn: 'Satisfaction Index of Public Administrative Services' },
  { code: 'papi', label: 'PAPI', name: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh', nameEn: 'Provincial Governance and Public Administration Performance Index' },
  { code: 'pci', label: 'PCI', name: 'Chỉ số năng lực cạnh tranh cấp tỉnh', nameEn: 'Provincial Competitiveness Index' },
  { code: 'ddci', label: 'DDCI', name: 'Chỉ số năng lực cạnh tranh cấp sở, ngành, địa phương', nameEn: 'Department and District Competitiveness Index' },
  { code: 'dti', label: 'DTI', name: 'Chỉ số chuyển đổi số', nameEn: 'Digital Transformation Index' },
  { code: 'egi', label: 'EGI', name: 'Chỉ số mức độ ứng dụng công nghệ thông tin của cơ quan nhà nước', nameEn: 'E-Government Index' },
] as const;
export type ReformIndex = (typeof REFORM_INDICES)[number]['code'];
export const REFORM_INDEX_CODES = codesOf(REFORM_INDICES);
export const reformIndexLabel = labelIn(REFORM_INDICES);

/** Kinds of events. */
export const EVENT_KINDS = [
  { code: 'hoi-nghi', label: 'Hội nghị, hội thảo' },
  { code: 'doi-thoai', label: 'Đối thoại với người dân, doanh nghiệp' },
  { code: 'tap-huan', label: 'Lớp tập huấn, bồi dưỡng' },
  { code: 'cuoc-thi', label: 'Cuộc thi' },
  { code: 'khac', label: 'Sự kiện khác' },
] as const;
export type EventKind = (typeof EVENT_KINDS)[number]['code'];
export const EVENT_KIND_CODES = codesOf(EVENT_KINDS);
export const eventKindLabel = labelIn(EVENT_KINDS);

/** Kinds of channels where people reach the administration. */
export const CHANNEL_KINDS = [
  { code: 'duong-day-nong', label: 'Đường dây nóng' },
  { code: 'cong-dvc-quoc-gia', label: 'Cổng Dịch vụ công quốc gia' },
  { code: 'cong-dvc-tinh', label: 'Cổng dịch vụ công của tỉnh' },
  { code: 'cong-thong-tin', label: 'Cổng thông tin điện tử' },
  { code: 'zalo-oa', label: 'Zalo Official Account' },
  { code: 'vneid', label: 'Ứng dụng VNeID' },
  { code: 'thu-dien-tu', label: 'Thư điện tử' },
  { code: 'khac', label: 'Kênh khác' },
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number]['code'];
export const CHANNEL_KIND_CODES = codesOf(CHANNEL_KINDS);
export const channelKindLabel = labelIn(CHANNEL_KINDS);

/** Status of a plan task as an editor sets it (for tasks not measured from content). */
export const TASK_STATUSES = [
  { code: 'chua-bat-dau', label: 'Chưa bắt đầu' },
  { code: 'dang-thuc-hien', label: 'Đang thực hiện' },
  { code: 'hoan-thanh', label: 'Hoàn thành' },
  { code: 'cham-tien-do', label: 'Chậm tiến độ' },
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number]['code'];
export const TASK_STATUS_CODES = codesOf(TASK_STATUSES);
export const taskStatusLabel = labelIn(TASK_STATUSES);

/** How a task's progress is known: set by an editor, or measured from published pieces. */
export const PROGRESS_MODES = ['manual', 'measured'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** What a measured task counts each quarter: matching published pieces, or the distinct agencies that sent them. */
export const MEASURE_UNITS = [
  { code: 'articles', label: 'tin, bài' },
  { code: 'agencies', label: 'cơ quan gửi bài' },
] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number]['code'];
export const MEASURE_UNIT_CODES = codesOf(MEASURE_UNITS);
