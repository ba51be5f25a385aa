/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds of one checkout coexist (e.g. parallel test runs); `.next` otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // pg and pg-boss open sockets and read their own files at run time: keep them out of the bundle.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg"],
  // `npm test` and `npm run typecheck` run tsc over the whole project; checking again inside
  // every build would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
