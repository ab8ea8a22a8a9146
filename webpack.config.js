// Webpack 5 för Planrapports aktivitetsfönster (Excel-tillägget).
//
//   npm run build        produktionsbygge till dist/ (behöver inga certifikat)
//   npm run dev-server   HTTPS-utvecklingsserver på https://localhost:3000
//
// Certifikat laddas bara när webpack körs som server (env.WEBPACK_SERVE), se devHttps().
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_PORT = 3000;
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;

// Node-moduler som den delade kärnan kan importera men som aldrig anropas i webbläsaren.
// De ersätts med tomma moduler i webbläsarpaketet.
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'constants',
  'crypto',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'querystring',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'vm',
  'worker_threads',
  'zlib',
];

function hasCommand(cmd) {
  try {
    execFileSync(process.platform === 'win32' ? 'where' : 'sh', process.platform === 'win32' ? [cmd] : ['-c', `command -v ${cmd}`], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** Läser certifikatfiler om de finns och certifikatet gäller minst ett dygn till. */
function readCertFiles(certPath, keyPath, caPath) {
  try {
    const cert = fs.readFileSync(certPath);
    const key = fs.readFileSync(keyPath);
    const validTo = new Date(new (require('node:crypto').X509Certificate)(cert).validTo);
    if (validTo.getTime() - Date.now() < 24 * 3600 * 1000) return null;
    const options = { cert, key };
    if (caPath && fs.existsSync(caPath)) options.ca = fs.readFileSync(caPath);
    return options;
  } catch {
    return null;
  }
}

function trustNote(caPath) {
  const what = caPath
    ? `Importera CA-certifikatet ${caPath} som betrodd certifikatutfärdare i webbläsaren\n` +
      '  (Chrome/Chromium: Inställningar → Sekretess och säkerhet → Säkerhet → Hantera certifikat → Utfärdare → Importera;\n' +
      '   Firefox: Inställningar → Sekretess och säkerhet → Certifikat → Visa certifikat → Certifikatutfärdare → Importera)'
    : `Öppna ${DEV_ORIGIN} i webbläsaren och godkänn certifikatet (Avancerat → Fortsätt till localhost)`;
  console.warn(
    '\n[Planrapport] OBS: utvecklingscertifikatet är inte installerat i systemets certifikatarkiv.\n' +
      `  ${what}\n` +
      '  innan du läser in tillägget i Excel på webben – annars kan aktivitetsfönstret inte laddas.\n',
  );
}

/**
 * HTTPS-inställningar för utvecklingsservern, i fallande ordning:
 *  1. PLANRAPPORT_HTTPS_CERT + PLANRAPPORT_HTTPS_KEY (egna certifikatfiler),
 *  2. office-addin-dev-certs som installerar sin CA (Windows, macOS, Linux med sudo),
 *  3. Linux utan sudo (t.ex. root i en container): office-addin-dev-certs certifikat
 *     i ~/.office-addin-dev-certs återanvänds eller skapas, men installeras inte,
 *  4. webpack-dev-servers eget självsignerade certifikat.
 */
async function devHttps() {
  const { PLANRAPPORT_HTTPS_CERT: certPath, PLANRAPPORT_HTTPS_KEY: keyPath } = process.env;
  if (certPath && keyPath) {
    const own = readCertFiles(certPath, keyPath, process.env.PLANRAPPORT_HTTPS_CA);
    if (own) return { type: 'https', options: own };
    console.warn(`[Planrapport] Kunde inte läsa giltigt certifikat ur ${certPath} / ${keyPath}, provar andra vägar.`);
  }

  let devCerts = null;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    /* paketet saknas – gå vidare till reservvägen */
  }

  const canInstall = process.platform !== 'linux' || hasCommand('sudo');
  if (devCerts && canInstall) {
    try {
      return { type: 'https', options: await devCerts.getHttpsServerOptions() };
    } catch (e) {
      console.warn(`[Planrapport] office-addin-dev-certs kunde inte installera certifikatet: ${e && e.message ? e.message.trim() : e}`);
    }
  }

  if (devCerts) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const ca = path.join(dir, 'ca.crt');
    const cert = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    try {
      let options = readCertFiles(cert, key, ca);
      if (!options) {
        fs.mkdirSync(dir, { recursive: true });
        await devCerts.generateCertificates(ca, cert, key, 365, ['127.0.0.1', 'localhost']);
        options = readCertFiles(cert, key, ca);
      }
      if (options) {
        trustNote(ca);
        return { type: 'https', options };
      }
    } catch (e) {
      console.warn(`[Planrapport] Kunde inte skapa utvecklingscertifikat: ${e && e.message ? e.message : e}`);
    }
  }

  trustNote(null);
  return 'https'; // webpack-dev-server skapar ett självsignerat certifikat
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' || env.WEBPACK_SERVE ? 'development' : argv.mode || 'production';
  const dev = mode === 'development';
  const publicUrl = (process.env.PLANRAPPORT_PUBLIC_URL || '').replace(/\/+$/, '');

  /** @type {import('webpack').Configuration & { devServer?: import('webpack-dev-server').Configuration }} */
  const config = {
    mode,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Kärnan skrivs för node16-upplösning; tillåt även "./x.js" som pekar på x.ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      fallback: Object.fromEntries(NODE_BUILTINS.map((name) => [name, false])),
      // docx's layout engine (1,7 MB) lays pages out as Word does; only the CLI's exact mode
      // uses it, the task pane estimates the contents' page numbers itself.
      alias: { 'docx/layout': false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // "node:fs" → "fs" så att resolve.fallback ovan gäller även för node:-importer.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      // help.html: the manifest's SupportUrl and "Kom igång" link. Rendered at build time from
      // src/help/helpPage.ts (the layout, the outline and the rule catalog); static, no scripts.
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/help/template.ts',
        templateParameters: { version: require('./package.json').version },
        inject: false,
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // PLANRAPPORT_PUBLIC_URL=https://exempel.se/planrapport npm run build
            // ger ett manifest som pekar på den publicerade adressen i stället för localhost.
            transform: (content) => (publicUrl && !dev ? content.toString().split(DEV_ORIGIN).join(publicUrl) : content),
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // the libraries of the chunks loaded on demand, named for the chunks that use them
          // ("vendor-report": docx), so that npm run payload can say what each file is
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            reuseExistingChunk: true,
            name: (_module, chunks) => `vendor-${chunks.map((c) => c.name ?? c.id).join('~')}`,
          },
        },
      },
    },
    performance: {
      // Fluent UI + React är större än webpacks standardgräns på 244 KiB; varna först
      // när aktivitetsfönstret blir orimligt stort.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1.5 * 1024 * 1024,
      maxAssetSize: 1.5 * 1024 * 1024,
    },
    stats: dev ? 'minimal' : 'normal',
  };

  if (env.WEBPACK_SERVE) {
    config.devServer = {
      port: DEV_PORT,
      host: 'localhost',
      server: await devHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false } },
    };
  }

  return config;
};
