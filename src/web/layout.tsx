import type { ComponentChildren } from 'preact';
import { Role } from '../auth/role';
import { CsrfField } from './components';
import { PageContext } from './page-context';

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the site name follows it. */
  title: string;
  children: ComponentChildren;
}

export const SITE_NAME = 'Modul Gratis Prakerja';

/** The frame of every page: skip link, navigation by role, notice, main content, the one stylesheet and script. */
export function Layout({ ctx, title, children }: LayoutProps) {
  return (
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${SITE_NAME}`}</title>
        <meta name="description" content="Modul pelatihan gratis yang didonasikan untuk penerima Kartu Prakerja." />
        {/* No favicon request: one round trip less on a slow connection. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ctx.assets.css} />
        <script src={ctx.assets.js} defer />
      </head>
      <body>
        <a class="skip" href="#konten">
          Lewati ke konten
        </a>
        <header class="top">
          <div class="wrap">
            <a class="brand" href="/">
              {SITE_NAME}
            </a>
            <nav aria-label="Menu utama">
              <NavLinks ctx={ctx} />
            </nav>
          </div>
        </header>
        <main id="konten" class="wrap" tabIndex={-1}>
          {ctx.notice && (
            <p class={`notice ${ctx.notice.kind}`} role="status">
              {ctx.notice.text}
            </p>
          )}
          {children}
          <p id="status" class="sr-only" aria-live="polite" />
        </main>
        <footer>
          <div class="wrap">Modul pelatihan yang didonasikan relawan dan lembaga, gratis untuk penerima Kartu Prakerja.</div>
        </footer>
      </body>
    </html>
  );
}

function NavLinks({ ctx }: { ctx: PageContext }) {
  const viewer = ctx.viewer;
  if (!viewer) {
    return (
      <ul class="nav">
        <li><a href="/">Cari</a></li>
        <li><a href="/masuk">Masuk</a></li>
        <li><a href="/daftar">Daftar</a></li>
        <li><a href="/daftar/kontributor">Jadi Kontributor</a></li>
      </ul>
    );
  }
  return (
    <ul class="nav">
      <li><a href="/">Cari</a></li>
      {viewer.role === Role.BENEFICIARY && (
        <>
          <li><a href="/gratis">Gratis untuk Saya</a></li>
          <li><a href="/belajar">Belajar Saya</a></li>
          <li><a href="/dompet">Dompet</a></li>
        </>
      )}
      {viewer.role === Role.CONTRIBUTOR && (
        <>
          <li><a href="/kontributor">Modul Saya</a></li>
          <li><a href="/kontributor/modul/baru">Tulis Modul</a></li>
        </>
      )}
      {(viewer.role === Role.CURATOR || viewer.role === Role.ADMIN) && (
        <>
          <li><a href="/kurator">Antrean</a></li>
          <li><a href="/kurator/laporan">Laporan</a></li>
        </>
      )}
      {viewer.role === Role.ADMIN && <li><a href="/admin">Admin</a></li>}
      <li><a href="/notifikasi">Notifikasi</a></li>
      <li>
        <form method="post" action="/keluar">
          <CsrfField ctx={ctx} />
          <button type="submit" class="link">
            Keluar
          </button>
        </form>
      </li>
    </ul>
  );
}
