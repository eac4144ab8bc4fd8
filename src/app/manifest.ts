import type { MetadataRoute } from 'next';

/**
 * Lets a phone keep Wanjia on its home screen with our name and icon (many residents open it
 * from there rather than from a browser). Static: the name is the brand in both languages.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: '万家水电 Wanjia Water & Power',
    short_name: '万家水电',
    lang: 'zh-CN',
    start_url: '/dashboard',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5cad',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/apple-icon.png', sizes: '180x180', type: 'image/png' },
    ],
  };
}
