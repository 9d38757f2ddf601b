import type { NextConfig } from 'next';
import { serverActionBodyLimitMb } from './lib/request-limits';

// The headers that never vary; the CSP, framing and HSTS are set per request in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  // No other site's window keeps a handle on ours, and no other site embeds our files or PDFs.
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // proxy.ts refuses a larger declared body first, with a 413 (Next answers 500 past the limit).
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: `${serverActionBodyLimitMb}mb` },
  },
  // pdfkit and its font engine load their own data files at run time, so they are not bundled.
  // pino and prom-client keep one logger and one metrics registry per process: the HTTP server of
  // scripts/start.ts and the app must load the same copies.
  serverExternalPackages: ['@node-rs/argon2', 'pdfkit', 'fontkit', 'pino', 'prom-client'],
  // The PDF fonts are read by path (server/pdf/document.ts), which tracing cannot see; any route
  // or job may write a PDF.
  outputFileTracingIncludes: {
    '/**': [
      './node_modules/@expo-google-fonts/noto-sans/{400Regular,400Regular_Italic,700Bold,700Bold_Italic}/*.ttf',
      './node_modules/@expo-google-fonts/{noto-sans-mono,noto-sans-math}/400Regular/*.ttf',
      './node_modules/@expo-google-fonts/{noto-sans,noto-sans-mono,noto-sans-math}/LICENSE_FONT',
    ],
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // A shared proposal is reachable without an account: keep it out of search engines.
      { source: '/p/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex' }] },
    ];
  },
};

export default nextConfig;
