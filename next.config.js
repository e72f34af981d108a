// Next.js configuration: the ClickHouse engine and client stay out of the bundle (native code, one per process).
/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['chdb', '@clickhouse/client', '@clickhouse/client-common', 'bcryptjs'],
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` typechecks the whole tree (tests and tools included); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};
