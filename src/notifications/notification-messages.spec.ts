import { NotificationKind } from './notification-kind';
import { notificationMessage } from './notification-messages';

describe('notification messages', () => {
  it('names the module and quotes the curator note', () => {
    expect(notificationMessage({ kind: NotificationKind.CHANGES_REQUESTED, titles: ['Desain Logo'], note: 'Tambahkan contoh.' })).toBe(
      'Kurator meminta perubahan pada modul "Desain Logo" sebelum dapat tayang. Catatan kurator: Tambahkan contoh.',
    );
    expect(notificationMessage({ kind: NotificationKind.MODULE_APPROVED, titles: ['Desain Logo'] })).toBe('Modul "Desain Logo" disetujui kurator dan sudah tayang di katalog.');
  });

  it('tells a reporter whether the report was acted on', () => {
    expect(notificationMessage({ kind: NotificationKind.REPORT_RESOLVED, titles: ['X'], outcome: 'RESOLVED', note: 'Diturunkan.' })).toContain('sudah ditindaklanjuti');
    expect(notificationMessage({ kind: NotificationKind.REPORT_RESOLVED, titles: ['X'], outcome: 'DISMISSED', note: 'Materi sesuai.' })).toContain('tidak ditindaklanjuti');
  });

  it('lists the free options when the credit is exhausted', () => {
    expect(notificationMessage({ kind: NotificationKind.CREDIT_EXHAUSTED, titles: ['A', 'B'] })).toBe(
      'Saldo pelatihan Kartu Prakerja Anda sudah habis. Anda tetap bisa belajar gratis, misalnya: "A", "B".',
    );
    expect(notificationMessage({ kind: NotificationKind.CREDIT_EXHAUSTED, titles: [] })).toContain('modul gratis di katalog');
  });
});
