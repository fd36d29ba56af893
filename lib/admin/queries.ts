// Reads for the sign-up page and /admin (server-only; every /admin read checks the viewer's instance role first).
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { getViewer, requireUser } from '@/lib/auth/viewer';
import { auditLogPage, instanceHealth, listInstanceInvites, searchMembers, waitingRegistrations } from './dashboard';
import { registrationGate } from './registration';
import { canAdministerInstance, canModerateInstance, instanceRoleOf } from './roles';
import { getSiteSettings } from './site';
import { suspensionOf } from './suspended';

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

/**
 * The viewer, when they run the instance at the level a page needs; anyone else gets a 404, so /admin does not
 * even say it exists. `moderate`: admins and moderators; `administer`: admins only.
 */
export async function requireInstanceStaff(level: 'moderate' | 'administer') {
  const viewer = await requireUser();
  const role = await instanceRoleOf(db, viewer.id);
  if (!(level === 'administer' ? canAdministerInstance(role) : canModerateInstance(role)) || !role) notFound();
  return { viewer, role };
}

export async function getInstanceHealth() {
  await requireInstanceStaff('moderate');
  return instanceHealth(db);
}

export async function getMembers(input: Parameters<typeof searchMembers>[1]) {
  await requireInstanceStaff('moderate');
  return searchMembers(db, input);
}

export async function getAuditLog(page: number) {
  await requireInstanceStaff('administer');
  return auditLogPage(db, page);
}

export async function getInstanceInvites() {
  await requireInstanceStaff('administer');
  return listInstanceInvites(db);
}

export async function getWaitingRegistrations() {
  await requireInstanceStaff('administer');
  return waitingRegistrations(db);
}

export async function getSettingsForEditing() {
  await requireInstanceStaff('administer');
  return getSiteSettings(db);
}

/** The suspension the viewer reads on /suspended, with where to write. */
export async function getOwnSuspension() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in');
  const suspension = await suspensionOf(db, viewer.id);
  if (!suspension) redirect('/feed');
  const settings = await siteSettingsForRequest();
  return { viewer, ...suspension, contactEmail: settings.contactEmail, siteName: settings.name };
}
