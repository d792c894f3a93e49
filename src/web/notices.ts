/** A message shown at the top of a page after a redirect, chosen by key so no text is ever taken from a URL. */
export interface Notice {
  kind: 'ok' | 'warn' | 'bad';
  text: string;
}

const NOTICES: Record<string, Notice> = {
  terdaftar: { kind: 'ok', text: 'Akun Anda sudah dibuat. Selamat datang!' },
  masuk: { kind: 'ok', text: 'Anda sudah masuk.' },
  keluar: { kind: 'ok', text: 'Anda sudah keluar. Di ponsel bersama, tutup juga peramban Anda.' },
  'perlu-masuk': { kind: 'warn', text: 'Silakan masuk dulu untuk membuka halaman itu.' },
  'sesi-berakhir': { kind: 'warn', text: 'Sesi Anda sudah berakhir. Silakan masuk lagi.' },
  terdaftar_modul: { kind: 'ok', text: 'Anda sudah terdaftar di modul ini. Selamat belajar!' },
  selesai: { kind: 'ok', text: 'Pelajaran ditandai selesai.' },
  'modul-selesai': { kind: 'ok', text: 'Selamat! Anda menyelesaikan modul ini.' },
  dinilai: { kind: 'ok', text: 'Terima kasih, penilaian Anda tersimpan.' },
  'kuis-lulus': { kind: 'ok', text: 'Selamat, Anda lulus kuis ini.' },
  'kuis-belum-lulus': { kind: 'warn', text: 'Anda belum lulus kuis ini. Lihat hasilnya di bawah, lalu coba lagi.' },
  dilaporkan: { kind: 'ok', text: 'Terima kasih, laporan Anda akan ditinjau kurator.' },
  dibaca: { kind: 'ok', text: 'Notifikasi ditandai sudah dibaca.' },
};

/**
 * A feature's own notices, registered by its pages file when it loads
 * (`defineNotices({...})` at module level); a key defined twice is a bug.
 */
export function defineNotices(entries: Record<string, Notice>): void {
  for (const [key, notice] of Object.entries(entries)) {
    if (Object.hasOwn(NOTICES, key)) throw new Error(`notice "${key}" is defined twice`);
    NOTICES[key] = notice;
  }
}

/** The notice a ?pesan= key names; an unknown key shows nothing. */
export function noticeFor(key: string | undefined): Notice | null {
  return key !== undefined && Object.hasOwn(NOTICES, key) ? NOTICES[key] : null;
}
