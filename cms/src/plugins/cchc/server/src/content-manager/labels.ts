/**
 * Vietnamese labels (and hints where a field has a format) of the plugin's fields in
 * the Content Manager, and the field each list shows an entry by. Without them the
 * admin panel shows attribute names such as "progressStatus".
 */
import { ARTICLE_FORMAT_CODES } from '@cchc/shared';
import { UID, type PluginUid } from '../constants.js';

/** A field's label, and an optional hint shown under it. */
type Label = string | [label: string, hint: string];

export interface ContentTypeLabels {
  /** The field that names an entry in lists and relation pickers. */
  mainField?: string;
  fields: Record<string, Label>;
}

export const CONTENT_MANAGER_LABELS: Partial<Record<PluginUid, ContentTypeLabels>> = {
  [UID.article]: {
    mainField: 'title',
    fields: {
      title: 'Tiêu đề', slug: ['Đường dẫn', 'Để trống: tạo từ tiêu đề.'], summary: 'Tóm tắt', body: 'Nội dung', format: 'Hình thức',
      areas: 'Lĩnh vực cải cách', topics: 'Chủ đề', agency: 'Cơ quan gửi', byline: 'Tác giả', cover: ['Ảnh bìa', 'Cần có mô tả ảnh (alt text) trước khi gửi duyệt.'],
      attachments: 'Tệp đính kèm', featured: 'Nổi bật', demo: 'Dữ liệu minh họa', publicationDate: 'Ngày đăng',
      workflowState: 'Trạng thái duyệt', submittedAt: 'Gửi duyệt lúc', scheduledAt: 'Hẹn đăng lúc',
    },
  },
  [UID.reformArea]: { mainField: 'name', fields: { code: 'Mã', name: 'Tên', nameEn: 'Tên tiếng Anh', description: 'Mô tả', order: 'Thứ tự', leadAgency: 'Cơ quan chủ trì' } },
  [UID.topic]: { mainField: 'name', fields: { slug: 'Đường dẫn', name: 'Tên', description: 'Mô tả', order: 'Thứ tự' } },
  [UID.agency]: {
    mainField: 'name',
    fields: {
      name: 'Tên', shortName: 'Tên viết tắt', slug: 'Đường dẫn', kind: 'Loại hình', active: 'Đang hoạt động', parent: 'Trực thuộc',
      successor: ['Cơ quan kế thừa', 'Khi sáp nhập: bài cũ hiện cùng cơ quan kế thừa.'], phone: 'Điện thoại', email: 'Thư điện tử', website: 'Trang thông tin', address: 'Địa chỉ',
    },
  },
  [UID.agencyMember]: { mainField: 'userEmail', fields: { userEmail: ['Thư điện tử tài khoản', 'Thư điện tử đăng nhập quản trị của cán bộ; khi lưu, bản ghi được gắn với tài khoản có thư điện tử này (đổi thư điện tử sau đó không đổi cơ quan).'], userId: ['Mã tài khoản', 'Tự điền khi lưu.'], agency: 'Cơ quan' } },
  [UID.complianceExemption]: { fields: { agency: 'Cơ quan', year: 'Năm', quarter: 'Quý', reason: 'Lý do miễn' } },
  [UID.holiday]: { mainField: 'name', fields: { date: ['Ngày', 'Một dòng cho mỗi ngày nghỉ (Tết, nghỉ bù…); thời hạn xử lý câu hỏi không tính những ngày này.'], name: 'Tên ngày nghỉ' } },
  [UID.plan]: { mainField: 'title', fields: { year: 'Năm', code: 'Số ký hiệu văn bản ban hành', title: 'Tên kế hoạch', issuedOn: 'Ngày ban hành', issuer: 'Cơ quan ban hành', summary: 'Mục đích, yêu cầu', tasks: 'Nhiệm vụ' } },
  [UID.planTask]: {
    mainField: 'number',
    fields: {
      number: ['Số thứ tự', 'Theo phụ lục, ví dụ 5.3 (nằm dưới nhiệm vụ 5).'], title: 'Nội dung nhiệm vụ', plan: 'Kế hoạch', leadAgencies: 'Cơ quan chủ trì',
      coordinatingAgencies: 'Cơ quan phối hợp', timing: 'Thời gian thực hiện', product: 'Sản phẩm', order: 'Thứ tự',
      progressMode: ['Cách theo dõi tiến độ', 'measured: đếm từ tin bài đã đăng theo các tiêu chí dưới; manual: biên tập viên cập nhật tình trạng.'],
      measureUnit: ['Đơn vị đếm', 'articles: số tin bài; agencies: số cơ quan có tin bài.'],
      measureFormats: ['Hình thức được đếm', `Danh sách mã, ví dụ ["phong-su"]; để trống là mọi hình thức. Mã: ${ARTICLE_FORMAT_CODES.join(', ')}.`],
      measureAreas: ['Lĩnh vực được đếm', 'Để trống: mọi lĩnh vực.'], measureTopics: ['Chủ đề được đếm', 'Để trống: mọi chủ đề.'],
      measureAgencies: ['Cơ quan được đếm', 'Để trống: mọi cơ quan.'], expectedPerQuarter: 'Chỉ tiêu mỗi quý',
      progressStatus: 'Tình trạng', progressNote: 'Ghi chú tình trạng',
      evidence: ['Minh chứng', 'Mỗi dòng một minh chứng: "Tên | https://địa-chỉ" hoặc "Tên | /đường-dẫn-trên-trang".'],
    },
  },
  [UID.committee]: {
    mainField: 'name',
    fields: {
      name: 'Tên Ban Chỉ đạo', nameEn: 'Tên tiếng Anh', shortName: 'Tên ngắn', functions: 'Chức năng, nhiệm vụ', functionsEn: 'Chức năng, nhiệm vụ (tiếng Anh)',
      structure: 'Cơ cấu tổ chức', structureEn: 'Cơ cấu tổ chức (tiếng Anh)', address: 'Địa chỉ', addressEn: 'Địa chỉ (tiếng Anh)', phone: 'Điện thoại',
      email: 'Thư điện tử', officeHours: 'Giờ làm việc', officeHoursEn: 'Giờ làm việc (tiếng Anh)',
      newsTopic: ['Chủ đề tin hoạt động', 'Tin bài của chủ đề này hiện trên trang chủ Ban Chỉ đạo.'], demo: 'Dữ liệu minh họa',
    },
  },
  [UID.committeeMember]: {
    mainField: 'name',
    fields: { name: 'Họ và tên', position: 'Vị trí trong Ban', officeTitle: 'Chức vụ', officeTitleEn: 'Chức vụ (tiếng Anh)', agency: 'Cơ quan', order: 'Thứ tự', photo: 'Ảnh', demo: 'Dữ liệu minh họa' },
  },
  [UID.channel]: {
    mainField: 'name',
    fields: { name: 'Tên kênh', kind: 'Loại kênh', url: ['Địa chỉ', 'https://…, mailto:… hoặc tel:…'], phone: 'Điện thoại', description: 'Mô tả', order: 'Thứ tự', demo: 'Dữ liệu minh họa' },
  },
  [UID.steeringDocument]: {
    mainField: 'number',
    fields: {
      number: ['Số ký hiệu', 'Ví dụ 854/QĐ-UBND.'], slug: ['Đường dẫn', 'Để trống: tạo từ số ký hiệu và năm.'], type: 'Loại văn bản', issuedOn: 'Ngày ban hành',
      issuer: 'Cơ quan ban hành', signer: 'Người ký', abstract: 'Trích yếu', areas: 'Lĩnh vực', files: ['Tệp văn bản', 'PDF hoặc DOCX.'], validity: 'Hiệu lực',
      effectiveFrom: 'Có hiệu lực từ', note: 'Ghi chú', demo: 'Dữ liệu minh họa',
    },
  },
  [UID.indexResult]: {
    mainField: 'subject',
    fields: {
      index: 'Chỉ số', year: 'Năm', score: 'Điểm', rank: 'Xếp hạng', outOf: 'Trên tổng số', subject: ['Đối tượng được đánh giá', 'Tỉnh; với DDCI là sở, ngành hoặc địa phương.'],
      sourceNote: 'Nguồn', demo: 'Dữ liệu minh họa',
    },
  },
  [UID.committeeEvent]: {
    mainField: 'title',
    fields: {
      title: 'Tên sự kiện', slug: ['Đường dẫn', 'Để trống: tạo từ tên.'], kind: 'Loại sự kiện', startsAt: 'Bắt đầu', endsAt: 'Kết thúc', place: 'Địa điểm',
      onlineUrl: 'Đường dẫn trực tuyến', organiser: 'Đơn vị tổ chức', description: 'Mô tả', planTask: 'Nhiệm vụ kế hoạch', report: 'Bài tường thuật', demo: 'Dữ liệu minh họa',
    },
  },
  [UID.contest]: {
    mainField: 'title',
    fields: {
      title: 'Tên cuộc thi', slug: ['Đường dẫn', 'Để trống: tạo từ tên.'], summary: 'Giới thiệu ngắn', rules: ['Thể lệ', 'Markdown.'],
      audiences: ['Đối tượng dự thi', 'Danh sách mã, ví dụ ["nguoi-dan", "can-bo"] (mã: can-bo, nguoi-dan, hoc-sinh); [] nghĩa là mọi đối tượng.'], minimumAge: 'Tuổi tối thiểu', prizes: ['Cơ cấu giải thưởng', 'Markdown.'],
      organisers: 'Đơn vị tổ chức', resultsPolicy: 'Công bố kết quả', winnersPerRound: 'Số người đạt giải mỗi đợt', planTask: 'Nhiệm vụ kế hoạch', visible: 'Hiện trên trang', demo: 'Dữ liệu minh họa',
    },
  },
  [UID.contestRound]: {
    mainField: 'title',
    fields: {
      contest: 'Cuộc thi', number: 'Đợt số', title: 'Tiêu đề đợt', opensAt: ['Mở lúc', 'Giờ Việt Nam. Từ lúc mở, số câu, thời gian làm bài, số lượt thi và đối tượng không sửa được nữa.'],
      closesAt: ['Kết thúc lúc', 'Giờ Việt Nam. Bài đang làm dở kết thúc cùng lúc.'], attemptsAllowed: 'Số lượt thi mỗi người', questionsPerAttempt: 'Số câu mỗi lượt',
      timeLimitMinutes: 'Thời gian làm bài (phút)', scoreShown: ['Hiện điểm', 'ngay: khi nộp bài; sau-khi-dong: khi đợt thi kết thúc.'], audience: ['Đối tượng', 'Để trống: mọi đối tượng của cuộc thi.'],
      resultsPublished: ['Công bố kết quả', 'Sau khi đợt thi kết thúc: hiện người đạt giải trên trang cuộc thi.'], demo: 'Dữ liệu minh họa',
    },
  },
  [UID.contestQuestion]: {
    mainField: 'text',
    fields: {
      contest: 'Cuộc thi', kind: ['Loại câu hỏi', 'single: một đáp án; multiple: nhiều đáp án.'], text: 'Câu hỏi', options: ['Các phương án', 'Danh sách 2–6 phương án, ví dụ ["Sở Nội vụ", "Sở Tư pháp"].'],
      correct: ['Đáp án đúng', 'Số thứ tự (từ 0) của các phương án đúng, ví dụ [0].'], explanation: ['Giải thích', 'Hiện cho người dự thi sau khi đợt thi kết thúc.'],
      audience: ['Đối tượng', 'Để trống: mọi đối tượng.'], difficulty: 'Độ khó', reformArea: 'Lĩnh vực cải cách', demo: 'Dữ liệu minh họa',
    },
  },
};
