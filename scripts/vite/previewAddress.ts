/**
 * Where `vite preview` serves the production build: the one place host and port are written.
 * vite.config.ts sets them as the preview defaults (so package.json's scripts need no flags),
 * and Playwright and the benchmark read them from here. Loopback only: the app has no server
 * side, so nothing needs to reach it from another machine.
 */
export const PREVIEW_HOST = '127.0.0.1';
export const PREVIEW_PORT = 4173;
