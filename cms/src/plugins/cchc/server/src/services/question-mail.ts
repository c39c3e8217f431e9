/**
 * The receipt a citizen gets by e-mail when their question is received: the code and how to
 * look it up, nothing they typed (the form accepts any address: the mail must be no relay
 * for someone else's words), at most a few a day to one address.
 */
import type { Core } from '@strapi/strapi';

/** The receipt's subject and text, in Vietnamese. */
export function questionReceipt(code: string): { subject: string; text: string } {
  return {
    subject: `[CCHC] Mã tra cứu câu hỏi của bạn: ${code}`,
    text: [
      'Chúng tôi đã tiếp nhận câu hỏi, phản ánh bạn gửi đến chuyên mục Cải cách hành chính.',
      '',
      `Mã tra cứu: ${code}`,
      '',
      'Để xem tình trạng xử lý và câu trả lời, vào mục Hỏi đáp – Tra cứu của chuyên mục, nhập mã tra cứu cùng thư điện tử này.',
      'Thông tin liên hệ của bạn chỉ dùng để trả lời bạn và không bao giờ được công bố.',
      'Nếu bạn không gửi câu hỏi nào, hãy bỏ qua thư này.',
    ].join('\n'),
  };
}

/** Creates the sender: through Strapi's e-mail plugin, within `allowed`'s daily cap per address; a failure is logged without the address. */
export function createReceiptSender(strapi: Core.Strapi, allowed: (address: string) => Promise<boolean>) {
  return async (to: string, code: string): Promise<void> => {
    try {
      if (!(await allowed(to))) return;
      await strapi.plugin('email').service('email').send({ to, ...questionReceipt(code) });
    } catch (error) {
      strapi.log.warn(`[cchc] the receipt of ${code} could not be e-mailed (${(error as Error).name})`);
    }
  };
}

/** What an agency's staff are told when a question is assigned to their agency (no citizen's contact). */
export function questionAssigned(question: { code: string; title: string; dueAt: string | null }, link: string): { subject: string; text: string } {
  return {
    subject: `[CCHC] Câu hỏi cần cơ quan trả lời: ${question.code}`,
    text: [
      `Ban biên tập đã chuyển đến cơ quan bạn câu hỏi ${question.code}: "${question.title}".`,
      question.dueAt ? `Hạn trả lời: ${question.dueAt}.` : '',
      `Xem và trả lời: ${link}`,
    ].filter(Boolean).join('\n'),
  };
}

/** What a citizen is told when the answer to their question is published: where to read it, with the code. */
export function answerPublished(code: string): { subject: string; text: string } {
  return {
    subject: `[CCHC] Câu hỏi ${code} đã có trả lời`,
    text: [
      `Câu hỏi, phản ánh mã ${code} bạn gửi đến chuyên mục Cải cách hành chính đã được trả lời.`,
      'Đọc câu trả lời tại mục Hỏi đáp (tra cứu bằng mã này và thư điện tử này), nơi câu hỏi và trả lời cũng được đăng công khai, không kèm thông tin liên hệ của bạn.',
    ].join('\n'),
  };
}
