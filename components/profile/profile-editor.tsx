'use client';
// The edit-profile form with a live preview beside it. The preview draws the same ProfileView the profile page
// uses; the bio is rendered by the server's one markdown renderer (debounced), so the preview never lies.
import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { Toast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import type { ActionState } from '@/lib/action-state';
import { avatarBackgrounds, avatarShapeLabels, avatarStyles, generatedAvatarUrl } from '@/lib/profiles/avatar';
import { consentInfo } from '@/lib/privacy/consent';
import { previewBioAction, updateProfileAction } from '@/lib/profiles/actions';
import type { ProfileForEditing } from '@/lib/profiles/queries';
import { profileLimits } from '@/lib/profiles/limits';
import { accentPalette, bannerGradientNames, bannerGradients, checkAccent, isBannerGradient } from '@/lib/profiles/theme';
import { visibilityLabels, type ProfileSection } from '@/lib/profiles/visibility';
import { ProfileView, type ProfileDisplay } from './profile-view';

type Draft = Record<string, string>;

function initialDraft(p: ProfileForEditing): Draft {
  const paletteHexes: string[] = accentPalette.map((c) => c.hex);
  const accentIsCustom = p.accent !== '' && !paletteHexes.includes(p.accent);
  const draft: Draft = {
    name: p.name,
    handle: p.handle,
    pronouns: p.pronouns,
    bio: p.bio,
    location: p.location,
    accent: accentIsCustom ? 'custom' : p.accent,
    accentCustom: accentIsCustom ? p.accent : '',
    bannerGradient: p.bannerGradient,
    layout: p.layout,
    avatarStyle: p.avatarStyle,
    avatarBackground: p.avatarBackground,
    avatarShape: p.avatarShape,
    visibility: p.visibility,
    pinnedPostId: p.pinnedPostId,
    timeZone: p.timeZone,
  };
  p.links.forEach((url, i) => (draft[`link${i + 1}`] = url));
  for (const [key, on] of Object.entries({ showPosts: p.showPosts, showGroups: p.showGroups, showInterests: p.showInterests, showMilestones: p.showMilestones, suggestMe: p.suggestMe })) {
    if (on) draft[key] = 'on';
  }
  for (const i of p.interests) if (i.showcased) draft[`interest_${i.slug}`] = 'on';
  return draft;
}

function readForm(form: HTMLFormElement): Draft {
  const out: Draft = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string') out[k] = v;
  return out;
}

const noSubscription = () => () => {};

const swatch = (hex: string) => ({ backgroundColor: hex });

export function ProfileEditor({ profile, timeZones }: { profile: ProfileForEditing; timeZones: string[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateProfileAction, {});
  // The fields are uncontrolled (they start from `initial`); `draft` mirrors them for the preview.
  const [initial] = useState<Draft>(() => initialDraft(profile));
  const [draft, setDraft] = useState<Draft>(initial);
  const v = (key: string) => initial[key] ?? '';
  const [bioHtml, setBioHtml] = useState(profile.bioHtml);
  const formRef = useRef<HTMLFormElement>(null);
  const e = state.fieldErrors ?? {};
  const d = (key: string) => draft[key] ?? '';

  // The bio preview comes from the server renderer, a moment after typing stops.
  const bio = draft.bio ?? '';
  useEffect(() => {
    const timer = setTimeout(() => {
      previewBioAction(bio).then((r) => setBioHtml(r.html), () => {});
    }, 300);
    return () => clearTimeout(timer);
  }, [bio]);

  // The time zone defaults to the browser's until the person picks one.
  const detectedZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
    () => null,
  );
  const browserZone = profile.timeZone ? null : detectedZone;
  useEffect(() => {
    const select = formRef.current?.elements.namedItem('timeZone') as HTMLSelectElement | null;
    if (browserZone && select && !select.value) select.value = browserZone;
  }, [browserZone]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitting through a transition keeps what was typed in the fields (a plain form action resets them).
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  const accentValue = d('accent') === 'custom' ? d('accentCustom').trim() : d('accent');
  const accentCheck = accentValue ? checkAccent(accentValue) : null;
  const previewAccent = accentCheck?.ok ? accentCheck.hex : '';
  const links = [1, 2, 3, 4].map((i) => d(`link${i}`).trim()).filter((u) => /^https?:\/\/[^\s]+\.[^\s]+/i.test(u));
  const interests = profile.interests.filter((i) => draft[`interest_${i.slug}`] === 'on').map(({ slug, label }) => ({ slug, label }));
  const hidden: ProfileSection[] = (['posts', 'groups', 'interests', 'milestones'] as const).filter((s) => draft[`show${s[0].toUpperCase()}${s.slice(1)}`] !== 'on');
  const image = profile.avatarUploaded
    ? profile.image
    : generatedAvatarUrl(d('handle') || profile.handle, { style: d('avatarStyle'), background: d('avatarBackground'), shape: (d('avatarShape') || 'circle') as 'circle' });
  const preview: ProfileDisplay = {
    name: d('name') || profile.name,
    handle: d('handle') || profile.handle,
    image,
    pronouns: d('pronouns'),
    bioHtml,
    location: d('location'),
    links,
    joinedAt: profile.joinedAt,
    theme: {
      accent: previewAccent,
      bannerGradient: isBannerGradient(d('bannerGradient')) ? (d('bannerGradient') as ProfileDisplay['theme']['bannerGradient']) : 'ember',
      bannerUrl: profile.bannerUrl,
      layout: d('layout') === 'split' ? 'split' : 'classic',
    },
    interests,
    groups: profile.groups,
    isSelf: true,
    hiddenFromOthers: hidden,
  };

  return (
    // One column that may shrink below its content's width on a phone (a grid without a template sizes its column to
    // the widest child: 823 px at 390 px wide), two from lg.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
      <form
        ref={formRef}
        id="profile-form"
        action={action}
        onSubmit={onSubmit}
        onInput={(ev) => setDraft(readForm(ev.currentTarget))}
        onChange={(ev) => setDraft(readForm(ev.currentTarget))}
        aria-label="Edit profile"
        noValidate
        // A field scrolled or tabbed to stops above the sticky Save bar, not under it.
        className="order-2 flex flex-col gap-6 lg:order-1 [&_:is(input,textarea,select,button)]:scroll-mb-28"
      >
        <FormAlert message={state.error} />
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">About you</legend>
          <Field label="Display name" name="name" required maxLength={profileLimits.name} defaultValue={v('name')} error={e.name} autoComplete="name" />
          <Field
            label="Handle"
            name="handle"
            required
            minLength={3}
            maxLength={30}
            defaultValue={v('handle')}
            error={e.handle}
            autoComplete="username"
            hint={`Your profile lives at /u/${d('handle') || profile.handle}. If you change it, the old one keeps redirecting here for 30 days.`}
          />
          <Field label="Pronouns" name="pronouns" maxLength={profileLimits.pronouns} defaultValue={v('pronouns')} error={e.pronouns} placeholder="she/her, they/them …" />
          <TextAreaField
            label="Bio"
            name="bio"
            rows={5}
            maxLength={profileLimits.bio}
            defaultValue={v('bio')}
            error={e.bio}
            hint={`Markdown: **bold**, _italic_, [links](https://…), lists. ${profileLimits.bio - d('bio').length} characters left.`}
          />
          <Field label="Location" name="location" maxLength={profileLimits.location} defaultValue={v('location')} error={e.location} placeholder="A city, a region, or “somewhere sunny”" />
        </fieldset>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">Links</legend>
          <p className="-mt-1 text-xs text-muted">Up to four web links (http or https), shown with rel=&quot;me&quot; so other sites can verify them.</p>
          {[1, 2, 3, 4].map((i) => (
            <Field key={i} label={`Link ${i}`} name={`link${i}`} type="url" inputMode="url" defaultValue={v(`link${i}`)} error={e[`link${i}`]} placeholder="https://" />
          ))}
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-lg font-semibold">Interests to showcase</legend>
          {e.interests && <p className="mb-2 text-sm text-danger">{e.interests}</p>}
          <ul className="flex flex-wrap gap-2">
            {profile.interests.map((i) => (
              <li key={i.slug}>
                <label className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line px-3 py-1.5 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
                  <input type="checkbox" name={`interest_${i.slug}`} defaultChecked={initial[`interest_${i.slug}`] === 'on'} className="accent-[var(--color-accent)]" />
                  {i.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <SelectField label="Pinned post" name="pinnedPostId" defaultValue={v('pinnedPostId')} error={e.pinnedPostId} hint="Shown at the top of your profile.">
          <option value="">No pinned post</option>
          {profile.ownPosts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.createdAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })} — {p.excerpt}
            </option>
          ))}
        </SelectField>

        <fieldset className="flex flex-col gap-5">
          <legend className="mb-2 text-lg font-semibold">Look</legend>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Accent colour</legend>
            <div className="flex flex-wrap gap-2">
              <label className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line px-3 py-1.5 text-sm has-[:checked]:ring-2 has-[:checked]:ring-ink">
                <input type="radio" name="accent" value="" defaultChecked={v('accent') === ''} className="sr-only" />
                <span aria-hidden="true" className="size-4 rounded-full" style={swatch('#b4471f')} /> Hearth
              </label>
              {accentPalette.map((c) => (
                <label key={c.hex} className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line px-3 py-1.5 text-sm has-[:checked]:ring-2 has-[:checked]:ring-ink">
                  <input type="radio" name="accent" value={c.hex} defaultChecked={v('accent') === c.hex} className="sr-only" />
                  <span aria-hidden="true" className="size-4 rounded-full" style={swatch(c.hex)} /> {c.name}
                </label>
              ))}
              <label className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line px-3 py-1.5 text-sm has-[:checked]:ring-2 has-[:checked]:ring-ink">
                <input type="radio" name="accent" value="custom" defaultChecked={v('accent') === 'custom'} className="sr-only" />
                Custom
              </label>
            </div>
            {d('accent') === 'custom' && (
              <Field
                className="mt-3"
                label="Custom colour (hex)"
                name="accentCustom"
                defaultValue={v('accentCustom')}
                placeholder="#2f6f73"
                maxLength={7}
                error={e.accent ?? (accentCheck && !accentCheck.ok && d('accentCustom').length >= 7 ? accentCheck.message : undefined)}
                hint="White text must stay readable on it (WCAG AA contrast, 4.5:1)."
              />
            )}
          </fieldset>

          <fieldset>
            <legend className="mb-2 text-sm font-medium">Banner</legend>
            <p className="-mt-1 mb-2 text-xs text-muted">{profile.bannerUrl ? 'You have a banner image; the gradient shows if you remove it.' : 'A gradient, or upload an image above.'}</p>
            <div className="grid grid-cols-3 gap-2">
              {bannerGradientNames.map((name) => {
                const g = bannerGradients[name];
                return (
                  <label key={name} className="flex cursor-pointer flex-col gap-1 text-xs has-[:checked]:font-semibold">
                    <input type="radio" name="bannerGradient" value={name} defaultChecked={v('bannerGradient') === name} className="peer sr-only" />
                    <span aria-hidden="true" className="h-10 rounded-lg ring-offset-2 ring-offset-surface peer-checked:ring-2 peer-checked:ring-ink peer-focus-visible:outline-2 peer-focus-visible:outline-accent" style={{ backgroundImage: `linear-gradient(135deg, ${g.light[0]}, ${g.light[1]})` }} />
                    {g.label}
                  </label>
                );
              })}
            </div>
          </fieldset>

          <fieldset>
            <legend className="mb-2 text-sm font-medium">Layout</legend>
            <div className="grid grid-cols-2 gap-2">
              {[
                { value: 'classic', label: 'Classic', text: 'A wide banner, then your posts.' },
                { value: 'split', label: 'Side by side', text: 'About you beside your posts.' },
              ].map((l) => (
                <label key={l.value} className="flex cursor-pointer flex-col rounded-lg border border-line p-3 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
                  <span className="flex items-center gap-2 font-medium">
                    <input type="radio" name="layout" value={l.value} defaultChecked={v('layout') === l.value} className="accent-[var(--color-accent)]" />
                    {l.label}
                  </span>
                  <span className="mt-1 text-xs text-muted">{l.text}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-sm font-medium">Generated avatar {profile.avatarUploaded && <span className="font-normal text-muted">(used when you remove your picture)</span>}</legend>
            <SelectField label="Avatar style" name="avatarStyle" defaultValue={v('avatarStyle')} error={e.avatarStyle}>
              {avatarStyles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <fieldset>
              <legend className="mb-1 text-sm">Avatar background</legend>
              <div className="flex flex-wrap gap-2">
                <label className="inline-flex cursor-pointer items-center rounded-full border border-line px-3 py-1 text-xs has-[:checked]:ring-2 has-[:checked]:ring-ink">
                  <input type="radio" name="avatarBackground" value="" defaultChecked={v('avatarBackground') === ''} className="sr-only" />
                  From my handle
                </label>
                {avatarBackgrounds.map((bg) => (
                  <label key={bg} className="inline-flex cursor-pointer rounded-full has-[:checked]:ring-2 has-[:checked]:ring-ink has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent">
                    <input type="radio" name="avatarBackground" value={bg} defaultChecked={v('avatarBackground') === bg} className="sr-only" />
                    <span className="sr-only">Background #{bg}</span>
                    <span aria-hidden="true" className="size-7 rounded-full border border-line" style={swatch(`#${bg}`)} />
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend className="mb-1 text-sm">Avatar shape</legend>
              <div className="flex flex-wrap gap-3 text-sm">
                {(Object.keys(avatarShapeLabels) as (keyof typeof avatarShapeLabels)[]).map((s) => (
                  <label key={s} className="inline-flex items-center gap-1.5">
                    <input type="radio" name="avatarShape" value={s} defaultChecked={v('avatarShape') === s} className="accent-[var(--color-accent)]" />
                    {avatarShapeLabels[s]}
                  </label>
                ))}
              </div>
            </fieldset>
          </fieldset>
        </fieldset>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">Who can see what</legend>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Who can see my profile</legend>
            <div className="flex flex-col gap-1.5 text-sm">
              {(Object.keys(visibilityLabels) as (keyof typeof visibilityLabels)[]).map((option) => (
                <label key={option} className="inline-flex items-center gap-2">
                  <input type="radio" name="visibility" value={option} defaultChecked={v('visibility') === option} className="accent-[var(--color-accent)]" />
                  {visibilityLabels[option]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Sections others can see</legend>
            <div className="flex flex-col gap-1.5 text-sm">
              {[
                ['showPosts', 'My posts'],
                ['showGroups', 'My groups'],
                ['showInterests', 'My interests'],
                ['showMilestones', 'My milestones'],
              ].map(([name, label]) => (
                <label key={name} className="inline-flex items-center gap-2">
                  <input type="checkbox" name={name} defaultChecked={initial[name] === 'on'} className="accent-[var(--color-accent)]" />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="inline-flex items-start gap-2 text-sm">
            <input type="checkbox" name="suggestMe" defaultChecked={initial.suggestMe === 'on'} className="mt-0.5 accent-[var(--color-accent)]" />
            <span>
              <span className="font-medium">{consentInfo.suggest_me.label}</span>
              <span className="block text-xs text-muted">{consentInfo.suggest_me.explanation}</span>
            </span>
          </label>
        </fieldset>

        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={v('timeZone')}
          error={e.timeZone}
          hint={browserZone && !profile.timeZone ? `Taken from your browser (${browserZone}). Used for your greeting on the feed.` : 'Used for your greeting on the feed.'}
        >
          <option value="">Not set</option>
          {[...new Set([...(browserZone ? [browserZone] : []), ...(profile.timeZone ? [profile.timeZone] : []), ...timeZones])].map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>

        <div className="sticky bottom-20 z-10 flex items-center gap-3 rounded-xl border border-line bg-surface/95 p-3 backdrop-blur md:bottom-4">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save profile'}
          </Button>
          <a href={`/u/${profile.handle}`} className="text-sm text-muted underline-offset-2 hover:underline">
            View my profile
          </a>
        </div>
        <Toast message={state.success} id={state} />
      </form>

      <section aria-label="Live preview" className="order-1 self-start lg:sticky lg:top-20 lg:order-2">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">Live preview</h2>
        <div className={cn('rounded-2xl border border-dashed border-line p-2 sm:p-3')}>
          <ProfileView profile={preview} preview>
            <p className="rounded-xl border border-line bg-surface p-4 text-sm text-muted">Your pinned post and recent posts appear here.</p>
          </ProfileView>
        </div>
      </section>
    </div>
  );
}

