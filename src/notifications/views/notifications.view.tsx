import { CsrfField } from '../../web/components';
import { formatDateTime } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { NotificationKind } from '../notification-kind';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** Written in Bahasa Indonesia when the notification was (notification-messages.ts). */
  message: string;
  createdAt: Date;
  read: boolean;
  /** The modules it names that the viewer may open. */
  modules: { slug: string; title: string }[];
}

interface NotificationsViewProps {
  ctx: PageContext;
  unread: NotificationItem[];
  read: NotificationItem[];
}

/** The part the "mark read" forms swap in place when JavaScript runs (data-enhance). */
const ENHANCED = '#notifikasi';

export function NotificationsView({ ctx, unread, read }: NotificationsViewProps) {
  return (
    <Layout ctx={ctx} title={unread.length > 0 ? `Notifikasi (${unread.length} belum dibaca)` : 'Notifikasi'}>
      <h1>Notifikasi</h1>
      <div id="notifikasi">
        {unread.length === 0 && read.length === 0 && <p>Belum ada notifikasi.</p>}
        {unread.length > 0 && (
          <section aria-labelledby="belum-dibaca">
            <h2 id="belum-dibaca">{`Belum dibaca (${unread.length})`}</h2>
            <form method="post" action="/notifikasi/dibaca" data-enhance={ENHANCED}>
              <CsrfField ctx={ctx} />
              {unread.map((notification) => (
                <input key={notification.id} type="hidden" name="ids" value={notification.id} />
              ))}
              <button type="submit" class="secondary">
                Tandai semua sudah dibaca
              </button>
            </form>
            <ul class="cards notifications">
              {unread.map((notification) => (
                <NotificationEntry key={notification.id} ctx={ctx} notification={notification} />
              ))}
            </ul>
          </section>
        )}
        {read.length > 0 && (
          <section aria-labelledby="sudah-dibaca">
            <h2 id="sudah-dibaca">Sudah dibaca</h2>
            <ul class="cards notifications">
              {read.map((notification) => (
                <NotificationEntry key={notification.id} ctx={ctx} notification={notification} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}

function NotificationEntry({ ctx, notification }: { ctx: PageContext; notification: NotificationItem }) {
  const messageId = `pesan-${notification.id}`;
  return (
    <li class={notification.read ? 'card' : 'card unread'}>
      <p id={messageId}>{notification.message}</p>
      <p class="muted">
        <time dateTime={notification.createdAt.toISOString()}>{formatDateTime(notification.createdAt)}</time>
      </p>
      {notification.modules.length > 0 && (
        <ul class="meta">
          {notification.modules.map((module) => (
            <li key={module.slug}>
              <a href={`/modul/${encodeURIComponent(module.slug)}`}>{module.title}</a>
            </li>
          ))}
        </ul>
      )}
      {notification.kind === NotificationKind.CREDIT_EXHAUSTED && (
        <p>
          <a href="/gratis">Lihat modul gratis untuk Anda</a>
        </p>
      )}
      {!notification.read && (
        <form method="post" action="/notifikasi/dibaca" data-enhance={ENHANCED}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="ids" value={notification.id} />
          <button type="submit" class="secondary" aria-describedby={messageId}>
            Tandai sudah dibaca
          </button>
        </form>
      )}
    </li>
  );
}
