import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { openCvWasm } from './scripts/vite/opencvWasm.ts';
import { PREVIEW_HOST, PREVIEW_PORT } from './scripts/vite/previewAddress.ts';

/**
 * Content-Security-Policy of the production build. The page itself may run only its own scripts:
 * no inline script, no eval, no other origin. The engine worker additionally needs
 * 'wasm-unsafe-eval' (OpenCV.js and tfjs compile WebAssembly) and 'unsafe-eval': OpenCV.js
 * 4.12's embind builds its bindings with `new Function` (checked: without it the worker fails
 * to start OpenCV, and Node with --disallow-code-generation-from-strings throws EvalError).
 * A worker's policy comes from its own response headers, so that allowance stays inside it.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const WORKER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The page policy as a <meta> (works on any static host) in builds only: dev needs inline HMR. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'digit-lens-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * `npm start` (vite preview) sends the CSP headers, and serves hashed assets and the model with long-lived cache headers:
 * they never change under the same URL (the model folder is replaced only with a new build,
 * and the service worker revalidates it by its precache revision).
 */
function previewHeaders(): Plugin {
  return {
    name: 'digit-lens-preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        const isWorker = /^\/assets\/engine\.worker-[\w-]+\.js/.test(url);
        res.setHeader('Content-Security-Policy', isWorker ? WORKER_CSP : PAGE_CSP);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        if (url.startsWith('/assets/')) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } else if (url.startsWith('/model/')) {
          res.setHeader('Cache-Control', 'public, max-age=604800');
        } else {
          res.setHeader('Cache-Control', 'no-cache');
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    previewHeaders(),
    openCvWasm(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already precaches the icons and the plugin adds the manifest itself:
      // listing them again would only duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Digit Lens',
        short_name: 'Digit Lens',
        description:
          'Reads handwritten digits from a drawing, a photo or the camera, entirely on your device.',
        theme_color: '#4f46e5',
        background_color: '#0f172a',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/maskable-192.png',
            sizes: '192x192',
            type: 'image/png',
            purpose: 'maskable',
          },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,json,bin}'],
        // OpenCV.js (inlined WASM) is ~10.8 MB: above Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The worker streams OpenCV's wasm from its own file; the inlined package stays out of it.
  worker: { format: 'es', plugins: () => [openCvWasm({ excludeInlined: true })] },
  build: { target: 'es2022', chunkSizeWarningLimit: 12000 },
  preview: { host: PREVIEW_HOST, port: PREVIEW_PORT, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    setupFiles: ['src/testing/setupNode.ts'],
    // OpenCV.js 4.12's default export is a thenable Module: default interop makes the import hang.
    deps: { interopDefault: false },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
