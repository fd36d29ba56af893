// Reads for the sign-up page and /admin (server-only; every /admin read checks the viewer's instance role first).
import 'server-only';
import { cache } from 'react';
import { db } from '@/db/client';
import { registrationGate } from './registration';
import { getSiteSettings } from './site';

/** The site settings, once per request (the layout's title and header use the name). */
export const siteSettingsForRequest = cache(() => getSiteSettings(db));

/** What the sign-up page shows: the form (with the approval question or the invite), or why registration is shut. */
export async function signUpDoor(inviteCode: string | undefined) {
  const settings = await siteSettingsForRequest();
  const gate = await registrationGate(db, { inviteCode, approvalAnswer: 'checked when the form is sent' });
  return {
    siteName: settings.name,
    description: settings.description,
    mode: gate.ok ? gate.mode : settings.registrationMode,
    open: gate.ok,
    message: gate.ok ? undefined : gate.message,
    question: gate.ok ? gate.question : '',
    inviteCode: gate.ok ? gate.inviteCode : undefined,
    contactEmail: settings.contactEmail,
  };
}
