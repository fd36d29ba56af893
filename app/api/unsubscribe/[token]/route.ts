// One-click unsubscribe (RFC 8058): the address in a mail's List-Unsubscribe header. Mail clients POST
// "List-Unsubscribe=One-Click" here, with no cookies and no sign-in; the signed token says who and which kind. A GET
// (a person's click, or a scanner prefetching) changes nothing: it goes to the page with a button, when the link is
// one Hearth signed.
import { NextResponse } from 'next/server';
import { describeUnsubscribeLink, unsubscribeNow } from '@/lib/mail/queries';

type Params = { params: Promise<{ token: string }> };

export async function POST(_request: Request, { params }: Params) {
  const { token } = await params;
  const result = await unsubscribeNow(token);
  if (!result.ok) return NextResponse.json({ error: 'This unsubscribe link is not valid.' }, { status: 404 });
  return NextResponse.json({ unsubscribed: result.kind });
}

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  // A link that was never signed (cut short, forged) leads nowhere: the same answer as its POST.
  if (!describeUnsubscribeLink(decodeURIComponent(token))) return NextResponse.json({ error: 'This unsubscribe link is not valid.' }, { status: 404 });
  // A relative Location: the browser stays on the address it used, whatever host the server thinks it has.
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe/${encodeURIComponent(token)}` } });
}
