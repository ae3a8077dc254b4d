import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web; the server serves dist/web with an SPA fallback.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
