#!/usr/bin/env node
/*
 * npm run simulator – Planrapport without Excel: the production task pane (dist/, built by
 * `npm run build` just before) beside a spreadsheet view of a workbook, on http://localhost:3100.
 * The pane's office.js is the simulator's stand-in (src/simulator/office.ts) over the workbook
 * the page shows; the office-js adapter and everything else in the pane are the production build.
 *
 *   npm run simulator                      build, then serve on http://localhost:3100
 *   node scripts/simulator.js --port 4000  serve the last build on another port
 *
 * The page itself (src/simulator/page, React + react-spreadsheet + exceljs's browser build) is
 * built here with webpack into .simulator/; the demo workbooks are built from examples/ at start
 * with the same code as `planrapport demo` (lib/, from `npm run build`).
 */
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEFAULT_PORT = 3100;

/** webpack's configuration for the simulator's page and its office.js, into `outDir`. */
function simulatorConfig(outDir) {
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const CopyWebpackPlugin = require('copy-webpack-plugin');
  return {
    // React's production build: its development build makes react-spreadsheet several times slower
    // (a cell typed took seconds); not minified, so that it builds in seconds and reads in devtools
    mode: 'production',
    optimization: { minimize: false },
    devtool: false,
    context: ROOT,
    entry: { simulator: './src/simulator/page/index.tsx', office: './src/simulator/office.ts' },
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
    // exceljs's browser build is loaded by the page as a script (the global ExcelJS)
    externals: { exceljs: 'ExcelJS' },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', sourceMap: false },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/simulator/page/index.html', chunks: ['simulator'] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'src/simulator/page/simulator.css', to: 'simulator.css' }] }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/** Builds the simulator's page into `outDir`. */
function buildSimulatorPage(outDir) {
  const webpack = require('webpack');
  return new Promise((resolve, reject) => {
    webpack(simulatorConfig(outDir), (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

/** The demo workbooks, built from examples/ by the compiled demo code (lib/). */
async function buildDemos() {
  const { EXAMPLES, loadTranscription } = require(path.join(ROOT, 'lib', 'demo', 'examples.js'));
  const { buildExampleWorkbook } = require(path.join(ROOT, 'lib', 'demo', 'buildWorkbook.js'));
  const demos = [];
  for (const example of EXAMPLES) {
    const host = await buildExampleWorkbook(loadTranscription(example.file));
    demos.push({ slug: example.slug, title: example.title, bytes: await host.toBuffer() });
  }
  return demos;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function inside(dir, rel) {
  const file = path.join(dir, path.normalize(`/${rel}`));
  return file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/**
 * Serves the simulator: `/` the page (pageDir), `/pane/` the production task pane (paneDir)
 * with taskpane.html's office.js pointed at the stand-in, `/demo/` the demo workbooks.
 * Resolves to { origin, close }.
 */
async function startSimulator({ paneDir, pageDir, demos = [], port = DEFAULT_PORT, host = '127.0.0.1' }) {
  const exceljs = require.resolve('exceljs/dist/exceljs.min.js', { paths: [ROOT] });
  const index = JSON.stringify(demos.map(({ slug, title }) => ({ slug, title })));
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    let file;
    if (pathname === '/pane/taskpane.html') {
      const html = fs.readFileSync(path.join(paneDir, 'taskpane.html'), 'utf8');
      if (!html.includes(OFFICE_JS)) return send(500, TYPES['.txt'], `taskpane.html laddar inte ${OFFICE_JS}`);
      return send(200, TYPES['.html'], html.split(OFFICE_JS).join('/office.js'));
    }
    if (pathname === '/demo/index.json') return send(200, TYPES['.json'], index);
    const demo = /^\/demo\/([\w-]+)\.xlsx$/.exec(pathname);
    if (demo) {
      const found = demos.find((d) => d.slug === demo[1]);
      return found ? send(200, TYPES['.xlsx'], found.bytes) : send(404, TYPES['.txt'], 'Inget sådant exempel.');
    }
    if (pathname === '/vendor/exceljs.min.js') file = exceljs;
    else if (pathname.startsWith('/pane/')) file = inside(paneDir, pathname.slice('/pane/'.length));
    else file = inside(pageDir, pathname === '/' ? 'index.html' : pathname.slice(1));
    if (!file) return send(404, TYPES['.txt'], 'Finns inte.');
    send(200, TYPES[path.extname(file)] || 'application/octet-stream', fs.readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host === '127.0.0.1' ? 'localhost' : host}:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const port = at >= 0 ? Number(args[at + 1]) : Number(process.env.PLANRAPPORT_SIMULATOR_PORT || DEFAULT_PORT);
  const paneDir = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(paneDir, 'taskpane.html')) || !fs.existsSync(path.join(ROOT, 'lib', 'demo'))) {
    console.error('Bygg först: npm run build (npm run simulator gör det).');
    process.exit(2);
  }
  const pageDir = path.join(ROOT, '.simulator');
  console.log('Bygger simulatorns sida och exempelarbetsböckerna …');
  const [, demos] = await Promise.all([buildSimulatorPage(pageDir), buildDemos()]);
  const { origin } = await startSimulator({ paneDir, pageDir, demos, port });
  console.log(`\nPlanrapport – Simulator – inte Excel: ${origin}/\n(Ctrl+C avslutar)`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
}

module.exports = { simulatorConfig, buildSimulatorPage, buildDemos, startSimulator, OFFICE_JS };
