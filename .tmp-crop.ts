import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 1400 } });
const data = readFileSync(process.argv[2]).toString('base64');
await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}"></body>`);
await p.screenshot({ path: process.argv[3], clip: { x: 0, y: Number(process.argv[4]), width: 1280, height: 1400 } });
await b.close();
