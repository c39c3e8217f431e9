/**
 * Domain errors of the plugin. Strapi's error middleware turns these into
 * 4xx responses with the message as written here (Vietnamese, for people).
 */
import { ARTICLE_REFUSAL_MESSAGES } from '@cchc/shared';
import { errors } from '@strapi/utils';

/** Bad input: answered with 400. */
export class InvalidInputError extends errors.ValidationError {}

/** A record that does not exist or is not public: answered with 404. */
export class NotFoundError extends errors.NotFoundError {}

/**
 * An action the signed-in user's role may not take: answered with 403. It extends
 * PolicyError because Strapi replaces the message of any other 403 thrown in a
 * handler with a bare "Forbidden"; the user needs to know why.
 */
export class ForbiddenError extends errors.PolicyError {}

/**
 * A request that collides with what is already recorded (a second entry with the same
 * phone number, a second submission): answered with 409 by the route layer
 * (http/define-route.ts), as Strapi's error middleware has no 409 of its own.
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** Messages shared by more than one place. */
export const MESSAGES = {
  articleNotFound: 'Không tìm thấy bài viết.',
  previewNotFound: 'Liên kết xem trước không tồn tại, đã hết hạn hoặc đã bị thu hồi. Hãy xin người gửi một liên kết mới.',
  shareLinkNotFound: 'Không tìm thấy liên kết xem trước này của bài.',
  shareLinkTooLong: (hours: number) => `Liên kết xem trước dài nhất ${hours} giờ.`,
  takenByOther: (name: string) => `Bài này đang do ${name} xử lý. Chọn "Nhận xử lý thay" nếu cần nhận lại.`,
  notInReview: 'Chỉ nhận xử lý được bài đang chờ duyệt.',
  snapshotNotFound: 'Không có bản lưu ở mốc lịch sử này của bài.',
  agencyNotFound: 'Không tìm thấy cơ quan, đơn vị.',
  planNotFound: 'Không tìm thấy kế hoạch của năm này.',
  documentNotFound: 'Không tìm thấy văn bản.',
  eventNotFound: 'Không tìm thấy sự kiện.',
  areaRequired: 'Bài viết cần ít nhất một lĩnh vực cải cách trước khi xuất bản.',
  titleRequired: 'Bài viết cần có tiêu đề.',
  altTextRequired: 'Ảnh bìa cần có mô tả (alt text) trước khi gửi duyệt: người đọc dùng trình đọc màn hình cần nó.',
  agencyRequired: 'Tin bài cần ghi rõ cơ quan, đơn vị gửi.',
  scheduleTimeRequired: 'Hãy chọn thời điểm hẹn đăng (scheduledAt).',
  scheduleTimeInPast: 'Thời điểm hẹn đăng phải ở tương lai.',
  contributorWithoutAgency: 'Tài khoản cộng tác viên này chưa được gắn với cơ quan nào; hãy nhờ quản trị viên gắn trong mục "Cán bộ của cơ quan".',
  committeeOnly: 'Chỉ quản trị Ban chỉ đạo (Sở Nội vụ) được xem báo cáo tuân thủ.',
  roleMayNotCall: 'Vai trò của tài khoản này không được dùng chức năng này.',
  noWorkflowRole: ARTICLE_REFUSAL_MESSAGES['no-role'],
  memberUnknownUser: 'Không có tài khoản quản trị nào dùng thư điện tử này; hãy tạo tài khoản trước (Cài đặt → Người dùng), rồi gắn với cơ quan.',
  memberTaken: 'Tài khoản này đã được gắn với một cơ quan; mỗi tài khoản chỉ thuộc một cơ quan. Hãy sửa bản ghi cũ.',
  changeNoteArticle: 'Ghi chú cập nhật phải gắn với một bài viết có thật (mã bài viết trong trường articleDocumentId).',
} as const;
