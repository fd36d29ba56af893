import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClearCategoryForm, DeleteItemForm } from '@/components/privacy/item-forms';
import { buttonClass } from '@/components/ui/button';
import { requireUser } from '@/lib/auth/viewer';
import { plural } from '@/lib/format';
import { getPrivacyItems } from '@/lib/privacy/queries';

export const metadata: Metadata = { title: 'Your data' };
// Personal data: never cached anywhere.
export const dynamic = 'force-dynamic';

export default async function PrivacyItemsPage({ params, searchParams }: { params: Promise<{ table: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ table }, { page }] = await Promise.all([params, searchParams]);
  const viewer = await requireUser(`/settings/privacy/${encodeURIComponent(table)}`);
  const data = await getPrivacyItems(viewer, table, Number(page ?? 1));
  if (!data) notFound();
  const href = (p: number) => `/settings/privacy/${data.table}${p > 1 ? `?page=${p}` : ''}`;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/settings/privacy" className="text-accent underline underline-offset-2">
          ← Your privacy
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{data.description}</h1>
      <p className="mt-1 text-muted">
        {data.label} · {plural(data.total, 'item')}. <span className="font-medium text-ink">Why:</span> {data.purpose}{' '}
        <span className="font-medium text-ink">Kept:</span> {data.retention}.
      </p>
      {data.edit && (
        <p className="mt-2 text-sm">
          <Link href={data.edit.href} className="text-accent underline underline-offset-2">
            {data.edit.text}
          </Link>
        </p>
      )}
      {data.canClear && data.total > 0 && <ClearCategoryForm table={data.table} total={data.total} />}
      {data.items.length === 0 ? (
        <p className="mt-6 rounded-2xl border border-line bg-surface p-5 text-muted">Nothing here.</p>
      ) : (
        <ol aria-label="Items" className="mt-6 flex flex-col gap-3">
          {data.items.map((item, i) => (
            <li key={item.key ?? i} className="rounded-2xl border border-line bg-surface p-4">
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                {item.fields.map((f) => (
                  <div key={f.name} className="contents">
                    <dt className="font-medium text-muted">{f.name}</dt>
                    <dd className="min-w-0 break-words">{f.value}</dd>
                  </div>
                ))}
              </dl>
              {item.postHref && (
                <Link href={item.postHref} className="mt-2 inline-block text-sm text-accent underline underline-offset-2">
                  Open the post <span className="sr-only">this item is about</span>
                </Link>
              )}
              {item.deletable && item.key && <DeleteItemForm table={data.table} itemKey={item.key} />}
            </li>
          ))}
        </ol>
      )}
      {data.pages > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
          {data.page > 1 ? (
            <Link href={href(data.page - 1)} className={buttonClass('secondary')}>
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-muted">
            Page {data.page} of {data.pages}
          </span>
          {data.page < data.pages ? (
            <Link href={href(data.page + 1)} className={buttonClass('secondary')}>
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
