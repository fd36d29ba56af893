// The web app manifest (/manifest.webmanifest): Hearth installs as an app; public/sw.js serves the offline page.
import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Hearth',
    short_name: 'Hearth',
    description: 'Interest groups, expressive profiles and an honest, explained feed.',
    start_url: '/feed',
    scope: '/',
    display: 'standalone',
    background_color: '#fbf8f4',
    theme_color: '#b4471f',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
