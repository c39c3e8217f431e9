/**
 * The English detector of the admin panel's browser test (support/english-text.ts): Vietnamese
 * interface text, names, codes and addresses pass; English is caught, alone or inside Vietnamese.
 * And every Vietnamese string the admin panel is given (cms/src/admin/translations) passes it.
 */
import { describe, expect, test } from 'vitest';
import { VI_ADMIN_MESSAGES } from '../../../cms/src/admin/translations/vi.js';
import { findEnglish } from '../../support/english-text.js';

describe('findEnglish', () => {
  test.each([
    'Quản lý nội dung',
    'Tạo mục mới',
    'Tạo câu hỏi «Câu hỏi số 19?» is3ko2ob6g2a4dworchb6yng',
    'Tìm thấy 12 mục',
    'Loại tập hợp',
    'LOẠI TẬP HỢP',
    'Thư viện phương tiện',
    'Giới thiệu Thư viện phương tiện mới',
    'Đăng nhập',
    'Mật khẩu',
    'Hồ sơ',
    'Chào mừng đến với Strapi!',
    'Nội dung (Markdown)',
    'Token API',
    'Webhook',
    'Mã API',
    'JSON',
    'Đăng ký với Strapi Cloud',
    'Ctrl / Cmd + Enter để lưu',
    'Email: bientap@cchc.local',
    'Xem https://docs.strapi.io/cms/features/media-library',
    'Câu hỏi PAKN.20250314.0007 đã chuyển Sở Nội vụ',
    'Quyết định 854/QĐ-UBND ngày 12/3/2024',
    'Cập nhật lúc 09:30, 14/03/2025',
    'ban-tin-phat-thanh-phu-cat-huong-dan-lam-the-can-cuoc-cho.wav',
    'files/infographic-ket-qua-chi-so.png',
    'the-che',
    'tin-ngan',
    '/admin/plugins/cchc/hoi-dap',
    'plugin::cchc.article',
    'Cán bộ Sở Tư pháp',
    'Ban Chỉ đạo cải cách hành chính',
    'PAR Index 2023: 88,5 điểm, xếp thứ 12/63',
    'Zalo OA, VNeID, Cổng Dịch vụ công',
    'Bộ phận Một cửa tiếp nhận hồ sơ vào sáng thứ Bảy',
    'Tổ công nghệ số cộng đồng ra quân hướng dẫn người dân',
    'Do dự án soạn để trình diễn hệ thống',
    '',
  ])('%j passes', (text) => {
    expect(findEnglish(text)).toEqual([]);
  });

  test.each([
    ['Content Manager', ['Content Manager']],
    ['Create new entry', ['Create new entry']],
    ['12 entries found', ['entries found']],
    ['Collection Types', ['Collection Types']],
    ['COLLECTION TYPES', ['COLLECTION TYPES']],
    ['Media Library', ['Media Library']],
    ['Introducing the new Media Library', ['Introducing the new Media Library']],
    ['Search', ['Search']],
    ['Filters', ['Filters']],
    ['Save', ['Save']],
    ['Publish', ['Publish']],
    ['Draft', ['Draft']],
    ['Back', ['Back']],
    ['Loading...', ['Loading']],
    ['No content found', ['No content found']],
    ['Settings', ['Settings']],
    ['Log in', ['Log in']],
    ['Password', ['Password']],
    ['Profile', ['Profile']],
    ['Last updated 2 hours ago', ['Last updated 2 hours ago']],
    ["You don't have the permissions to access that content", ["You don't have the permissions to access that content"]],
    ['Read blog post', ['Read blog post']],
    ['Welcome to Strapi!', ['Welcome to']],
    ['Xem 10 entries', ['Xem 10 entries']],
    ['Trạng thái: Draft', ['Draft']],
    ['Đăng nhập\nForgot your password?', ['Forgot your password']],
    ['content-manager.containers.list.items', ['content-manager.containers.list.items']],
    ['Upload assets', ['Upload assets']],
    ['Delete', ['Delete']],
    ['Cancel', ['Cancel']],
    ['Edit the model', ['Edit the model']],
  ])('%j is caught', (text, expected) => {
    expect(findEnglish(text)).toEqual(expected);
  });

  test('phrases the caller allows pass, the rest of the text is still read', () => {
    const text = 'Steering Committee for Administrative Reform\nSearch';
    expect(findEnglish(text)).toEqual(['Steering Committee for Administrative Reform', 'Search']);
    expect(findEnglish(text, { allow: ['Steering Committee for Administrative Reform'] })).toEqual(['Search']);
  });

  test('each piece is reported once', () => {
    expect(findEnglish('Save\nLưu\nSave')).toEqual(['Save']);
  });
});

/** What a message shows, near enough: its text without the ICU argument syntax and tags. */
function messageText(message: string): string {
  return message
    .replace(/\{\s*\w+\s*,\s*(?:plural|select|selectordinal|number|date|time)\s*,?/g, ' ')
    .replace(/(?:=\d+|\b(?:zero|one|two|few|many|other|true|false|undefined))\s*\{/g, ' ')
    .replace(/\{\s*\w+\s*\}/g, ' ')
    .replace(/[{}]/g, ' ')
    .replace(/<\/?\w+\s*\/?>/g, ' ');
}

describe('the admin panel\'s Vietnamese (cms/src/admin/translations)', () => {
  test('none of it looks English', () => {
    const english = Object.entries(VI_ADMIN_MESSAGES)
      .map(([id, message]) => [id, findEnglish(messageText(message))] as const)
      .filter(([, found]) => found.length > 0);
    expect(english).toEqual([]);
  });

  test('it is NFC and covers the strings the task named', () => {
    for (const message of Object.values(VI_ADMIN_MESSAGES)) expect(message).toBe(message.normalize('NFC'));
    expect(VI_ADMIN_MESSAGES['content-manager.header.name']).toBe('Quản lý nội dung');
    expect(VI_ADMIN_MESSAGES['content-manager.HeaderLayout.button.label-add-entry']).toBe('Tạo mục mới');
    expect(VI_ADMIN_MESSAGES['content-manager.components.LeftMenu.collection-types']).toBe('Loại tập hợp');
    expect(VI_ADMIN_MESSAGES['upload.plugin.name']).toBe('Thư viện phương tiện');
    expect(VI_ADMIN_MESSAGES['app.components.MediaLibraryBanner.intro']).toContain('Thư viện phương tiện');
    expect(VI_ADMIN_MESSAGES['content-manager.pages.ListView.header-subtitle']).toMatch(/^Tìm thấy \{number, plural,/);
  });
});
