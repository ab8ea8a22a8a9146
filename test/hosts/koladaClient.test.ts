/**
 * The Kolada client against a local HTTP server serving recorded responses in Kolada's v2
 * format: paging with next_page, a KPI without gender split, a missing value with its status,
 * an HTTP 500, and a server that is not there.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchKolada, koladaUrls, KoladaUnavailableError } from '../../src/hosts/kolada/koladaClient';

let server: http.Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = req.url ?? '';
    if (url.startsWith('/v2/data/kpi/N15428,N00945/municipality/0180/year/2024,2025')) {
      if (url.includes('page=2')) {
        return json(200, {
          count: 1,
          previous_page: `${base}/data/kpi/N15428,N00945/municipality/0180/year/2024,2025`,
          values: [{ kpi: 'N00945', municipality: '0180', period: 2025, values: [{ count: 1, gender: 'T', status: '', value: 1250 }] }],
        });
      }
      return json(200, {
        count: 2,
        // Kolada writes its own host, maybe as http://; the client stays on the first request's origin
        next_page: `${base}/data/kpi/N15428,N00945/municipality/0180/year/2024,2025?page=2&per_page=2`,
        values: [
          {
            kpi: 'N15428',
            municipality: '0180',
            period: 2025,
            values: [
              { count: 1, gender: 'K', status: '', value: 88.4 },
              { count: 1, gender: 'M', status: '', value: 81.2 },
              { count: 1, gender: 'T', status: '', value: 84.7 },
            ],
          },
          { kpi: 'N15428', municipality: '0180', period: 2024, values: [{ count: 0, gender: 'T', status: 'Missing', value: null }] },
        ],
      });
    }
    if (url.startsWith('/v2/oudata/kpi/N15033/ou/V15E018000101/year/2024')) {
      return json(200, { count: 1, values: [{ kpi: 'N15033', ou: 'V15E018000101', period: 2024, values: [{ count: 1, gender: 'T', status: '', value: 7 }] }] });
    }
    if (url.startsWith('/v2/data/kpi/N50000')) return json(500, { error: 'Internal Server Error' });
    if (url.startsWith('/v2/data/kpi/N60000')) return json(200, { count: 1, values: [], next_page: 'https://elsewhere.example/v2/data' });
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const query = { kpis: ['N15428', 'N00945'], area: '0180', years: [2024, 2025], isUnit: false };

describe('fetching from Kolada', () => {
  test('URLs: municipality data or unit data; many KPIs split over requests', () => {
    expect(koladaUrls(query)).toEqual(['https://api.kolada.se/v2/data/kpi/N15428,N00945/municipality/0180/year/2024,2025']);
    expect(koladaUrls({ kpis: ['N15033'], area: 'V15E018000101', years: [2024], isUnit: true })).toEqual([
      'https://api.kolada.se/v2/oudata/kpi/N15033/ou/V15E018000101/year/2024',
    ]);
    expect(koladaUrls({ ...query, kpis: Array.from({ length: 60 }, (_, i) => `N${i}`) })).toHaveLength(3);
    expect(koladaUrls({ ...query, area: undefined })).toEqual([]);
  });

  test('every page, following next_page: genders, a KPI without gender split, a missing value with its status', async () => {
    requests.length = 0;
    const records = await fetchKolada((url) => fetch(url), query, { base });
    expect(requests).toHaveLength(2);
    expect(records.map((r) => [r.kpi, r.period, r.values.map((v) => `${v.gender}=${v.value}${v.status ? `(${v.status})` : ''}`).join(' ')])).toEqual([
      ['N15428', 2025, 'K=88.4 M=81.2 T=84.7'],
      ['N15428', 2024, 'T=null(Missing)'],
      ['N00945', 2025, 'T=1250'],
    ]);
  });

  test('organisational units from /v2/oudata', async () => {
    const records = await fetchKolada((url) => fetch(url), { kpis: ['N15033'], area: 'V15E018000101', years: [2024], isUnit: true }, { base });
    expect(records).toEqual([
      { kpi: 'N15033', ou: 'V15E018000101', municipality: undefined, period: 2024, values: [{ gender: 'T', value: 7, status: undefined, count: 1 }] },
    ]);
  });

  test('HTTP 500: a Swedish message that says the fault is Kolada’s and what to do', async () => {
    const e = await fetchKolada((url) => fetch(url), { ...query, kpis: ['N50000'] }, { base }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KoladaUnavailableError);
    expect((e as KoladaUnavailableError).status).toBe(500);
    // what to do, without a command-line hint (the pane shows it too; the CLI adds its own)
    expect((e as Error).message).toBe('Kolada svarade med ett serverfel (HTTP 500). Felet ligger hos Kolada; försök igen senare.');
  });

  test('HTTP 404: check the ids', async () => {
    const e = await fetchKolada((url) => fetch(url), { ...query, kpis: ['X1'] }, { base }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/HTTP 404.*Kontrollera Kolada-id:na/);
  });

  test('unreachable: a Swedish message, no stack', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await fetchKolada((url) => fetch(url), query, { base: `http://127.0.0.1:${port}/v2` }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KoladaUnavailableError);
    expect((e as Error).message).toMatch(new RegExp(`^Kolada \\(127\\.0\\.0\\.1:${port}\\) kan inte nås.*Kontrollera nätverksanslutningen`));
  });

  test('a next_page on another host is not followed', async () => {
    requests.length = 0;
    const records = await fetchKolada((url) => fetch(url), { ...query, kpis: ['N60000'] }, { base });
    expect(records).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
