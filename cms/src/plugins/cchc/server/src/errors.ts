/**
 * Domain errors of the plugin. Strapi's error middleware turns these into
 * 4xx responses with the message as written here (Vietnamese, for people).
 */
import { errors } from '@strapi/utils';

/** Bad input: answered with 400. */
export class InvalidInputError extends errors.ValidationError {}

/** A record that does not exist or is not public: answered with 404. */
export class NotFoundError extends errors.NotFoundError {}

/** Messages shared by more than one place. */
export const MESSAGES = {
  articleNotFound: 'Không tìm thấy bài viết.',
  agencyNotFound: 'Không tìm thấy cơ quan, đơn vị.',
  planNotFound: 'Không tìm thấy kế hoạch của năm này.',
  areaRequired: 'Bài viết cần ít nhất một lĩnh vực cải cách trước khi xuất bản.',
  titleRequired: 'Bài viết cần có tiêu đề.',
  changeNoteArticle: 'Ghi chú cập nhật phải gắn với một bài viết có thật (mã bài viết trong trường articleDocumentId).',
} as const;
