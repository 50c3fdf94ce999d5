// Renders public/favicon.svg into the bitmaps browsers ask for: favicon.ico (a 32 px PNG in an ICO container,
// which every current browser reads) and the 180 px apple-touch-icon.png. Run after changing the SVG:
// npx tsx scripts/favicon.ts (uses Debian's Chromium, or CHROMIUM_PATH).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PUBLIC = path.resolve(import.meta.dirname, '..', 'public');

/** An ICO file holding one PNG image (ICONDIR, one ICONDIRENTRY, then the PNG bytes). */
function icoFromPng(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 means 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // image size
  header.writeUInt32LE(header.length, 18); // image offset
  return Buffer.concat([header, png]);
}

async function main(): Promise<void> {
  const svg = await readFile(path.join(PUBLIC, 'favicon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox'],
  });
  try {
    const render = async (size: number): Promise<Buffer> => {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      return png;
    };
    await writeFile(path.join(PUBLIC, 'favicon.ico'), icoFromPng(await render(32), 32));
    await writeFile(path.join(PUBLIC, 'apple-touch-icon.png'), await render(180));
  } finally {
    await browser.close();
  }
}

await main();
