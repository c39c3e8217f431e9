/** The e-mail a citizen receives when their question is received: the code, and how to look it up. */

/** The receipt's text, in Vietnamese. */
export function questionReceiptText(code: string, title: string): string {
  return [
    `Chúng tôi đã tiếp nhận câu hỏi "${title}" của bạn.`,
    '',
    `Mã tra cứu: ${code}`,
    '',
    'Để xem tình trạng xử lý và câu trả lời, vào mục Hỏi đáp – Tra cứu của chuyên mục Cải cách hành chính, nhập mã tra cứu cùng thư điện tử này.',
    'Thông tin liên hệ của bạn chỉ dùng để trả lời bạn và không bao giờ được công bố.',
  ].join('\n');
}
