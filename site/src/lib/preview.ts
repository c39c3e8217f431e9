/** Texts and facts of a draft's preview page (the edit view's panel, or a share link). */
import { formatDateTime, type GetPreview } from '@cchc/shared';

/** The preview page's texts. */
export const PREVIEW_UI = {
  banner: 'Bản xem trước – chưa đăng',
  gone: 'Liên kết xem trước không dùng được',
  goneText: 'Liên kết này không tồn tại, đã hết hạn hoặc đã bị thu hồi. Hãy xin người gửi một liên kết mới.',
} as const;

/**
 * The lines under the banner: what is shown, as of when, until when, shared by whom.
 * @example previewFacts({ mode: 'share', readAt: '2024-07-01T01:00:00Z', expiresAt: '2024-07-04T01:00:00Z', sharedBy: 'Nguyễn Văn A' })[0] // 'Nội dung bản nháp lúc 08:00, 01/07/2024 (khi liên kết được mở); tải lại trang để xem bản mới nhất.'
 */
export function previewFacts(data: Pick<GetPreview.Response['data'], 'mode' | 'readAt' | 'expiresAt' | 'sharedBy'>): string[] {
  const lines = [`Nội dung bản nháp lúc ${formatDateTime(new Date(data.readAt))} (khi liên kết được mở); tải lại trang để xem bản mới nhất.`];
  lines.push(
    data.mode === 'share'
      ? `Liên kết chỉ để đọc, do ${data.sharedBy ?? 'cán bộ biên tập'} chia sẻ, hết hạn lúc ${formatDateTime(new Date(data.expiresAt))}. Xin không chuyển tiếp.`
      : `Xem trước trong trang quản trị, hết hạn lúc ${formatDateTime(new Date(data.expiresAt))}.`,
  );
  return lines;
}
