import { Layout } from '../layout';
import { PageContext } from '../page-context';
import { renderDocument } from '../render';

export interface ErrorPageProps {
  ctx: PageContext;
  title: string;
  message: string;
}

export function ErrorView({ ctx, title, message }: ErrorPageProps) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Kembali ke pencarian modul</a>
      </p>
    </Layout>
  );
}

/** The whole error page as HTML (for the exception filter and the middleware's refusals). */
export const renderErrorPage = (props: ErrorPageProps): string => renderDocument(<ErrorView {...props} />);
