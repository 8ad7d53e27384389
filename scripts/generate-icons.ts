// Writes the app and tray icons into resources/ from the drawing code in src/main/icons
// (run: node_modules/.bin/node scripts/generate-icons.ts). The PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawAppIcon } from '../src/main/icons/app-icon.ts';
import { trayIconPng } from '../src/main/icons/tray-badge.ts';

const root = join(import.meta.dirname, '..', 'resources');
mkdirSync(join(root, 'icons'), { recursive: true });
mkdirSync(join(root, 'tray'), { recursive: true });

// macOS and Windows: one large PNG (electron-builder makes the .icns/.ico from it).
writeFileSync(join(root, 'icon.png'), drawAppIcon(1024).png());
// Linux: a set named by size, as electron-builder expects for AppImage/deb.
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(join(root, 'icons', `${size}x${size}.png`), drawAppIcon(size).png());
}
// The tray images main draws at run time, for reference and for docs.
for (const label of ['', '1', '2', '3', '4', '5', '6', '7', '8', '9', '9+']) {
  const name = label === '' ? 'idle' : label === '9+' ? '9plus' : label;
  writeFileSync(join(root, 'tray', `tray-${name}@2x.png`), trayIconPng(label));
}
console.log(`icons written to ${root}`);
