// Next.js configuration: the ClickHouse engine and client stay out of the bundle (native code, one per process), and
// every page and route answers with the security headers of docs/tenancy.md ("Headers").
const dev = process.env.NODE_ENV !== 'production';

// Next's inline bootstrap scripts and Mantine's inline styles need 'unsafe-inline'; development's hot reload needs
// eval. Nothing is loaded from another origin: no CDN, fonts bundled; the softphone's WebSocket may be on another port.
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['chdb', '@clickhouse/client', '@clickhouse/client-common', 'bcryptjs'],
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` typechecks the whole tree (tests and tools included); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{
      source: '/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: CSP },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'same-origin' },
        { key: 'Permissions-Policy', value: 'camera=(), geolocation=(), microphone=(self)' },
      ],
    }];
  },
};
