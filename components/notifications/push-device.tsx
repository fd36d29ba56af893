'use client';
// "Push to this device": asks the browser for permission, subscribes through the service worker (public/sw.js) with
// the instance's VAPID key, and hands the subscription to subscribePushAction.
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { subscribePushAction } from '@/lib/push/actions';

function urlBase64ToUint8Array(base64: string) {
  const padded = (base64 + '='.repeat((4 - (base64.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

export function PushDevice({ publicKey }: { publicKey: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const turnOn = () =>
    start(async () => {
      if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        setMessage({ ok: false, text: 'This browser cannot receive push notifications.' });
        return;
      }
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setMessage({ ok: false, text: 'Notifications are blocked for Hearth in this browser: allow them in its site settings, then try again.' });
        return;
      }
      try {
        const registration = await navigator.serviceWorker.register('/sw.js');
        await navigator.serviceWorker.ready;
        const subscription = (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToUint8Array(publicKey) }));
        const json = subscription.toJSON();
        const data = new FormData();
        data.set('endpoint', json.endpoint ?? '');
        data.set('p256dh', json.keys?.p256dh ?? '');
        data.set('auth', json.keys?.auth ?? '');
        const result = await subscribePushAction({}, data);
        setMessage(result.error ? { ok: false, text: result.error } : { ok: true, text: result.success ?? 'Done.' });
      } catch {
        setMessage({ ok: false, text: 'The browser’s push service did not answer. Try again in a moment.' });
      }
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" size="sm" onClick={turnOn} disabled={pending} className="noscript:hidden">
        {pending ? 'Asking the browser…' : 'Push to this device'}
      </Button>
      <noscript>
        <p className="text-sm text-muted">Push to this device needs JavaScript: the browser subscribes through a script.</p>
      </noscript>
      <p role="status" className={message?.ok === false ? 'text-sm text-danger' : 'text-sm text-muted'}>
        {message?.text}
      </p>
    </div>
  );
}
