// The General tab of a group's settings: icon and banner, then name, description, visibility and rules.
import { GroupSettingsForm } from '@/components/groups/settings-form';
import { ActionForm } from '@/components/ui/action-form';
import { ImageFileInput } from '@/components/ui/image-file-input';
import { removeGroupImageAction, uploadGroupImageAction } from '@/lib/groups/actions';
import type { GroupSettings } from '@/lib/groups/queries';
import { mediaVariantUrl } from '@/lib/media/urls';

function GroupImages({ s }: { s: GroupSettings }) {
  const images = [
    { kind: 'group_icon', label: 'Icon', current: s.images.iconUrl, size: '128', hint: 'Square; shown at 48 to 256 pixels.' },
    { kind: 'group_banner', label: 'Banner', current: s.images.bannerUrl, size: '768', hint: 'Wide (3:1); without one, the accent colour makes a gradient.' },
  ] as const;
  return (
    <section aria-labelledby="images" className="flex flex-col gap-4">
      <h2 id="images" className="font-semibold">
        Icon and banner
      </h2>
      {images.map((img) => (
        <div key={img.kind} className="flex flex-col gap-2 rounded-xl border border-line p-4">
          {img.current && (
            // eslint-disable-next-line @next/next/no-img-element -- our own media route
            <img src={mediaVariantUrl(img.current, img.size)} alt={`Current ${img.label.toLowerCase()}`} className={img.kind === 'group_icon' ? 'size-16 rounded-xl' : 'aspect-[3/1] w-full rounded-lg object-cover'} />
          )}
          <ActionForm action={uploadGroupImageAction} submit={`Upload ${img.label.toLowerCase()}`} size="sm" label={`Upload ${img.label.toLowerCase()}`}>
            <input type="hidden" name="groupId" value={s.group.id} />
            <input type="hidden" name="kind" value={img.kind} />
            <ImageFileInput name="file" required label={`${img.label} image`} hint={`${img.hint} PNG, JPEG, WebP or GIF up to 5 MB; metadata is removed.`} />
          </ActionForm>
          {img.current && (
            <ActionForm action={removeGroupImageAction} submit={`Remove ${img.label.toLowerCase()}`} variant="ghost" size="sm">
              <input type="hidden" name="groupId" value={s.group.id} />
              <input type="hidden" name="kind" value={img.kind} />
            </ActionForm>
          )}
        </div>
      ))}
    </section>
  );
}

export function GeneralTab({ s, viewerName }: { s: GroupSettings; viewerName: string }) {
  return (
    <div className="flex flex-col gap-8">
      <GroupImages s={s} />
      <GroupSettingsForm group={s.group} viewerName={viewerName} memberCount={s.members.length} />
    </div>
  );
}
