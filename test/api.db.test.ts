/** The HTTP API as clients see it (app.inject: real routing, validation and serialisation), on both engines. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

describe.each(TEST_ENGINES)('HTTP API on %s', (engine) => {
  let test: TestApp;
  let app: TestApp['app'];
  beforeEach(async () => {
    test = await createTestApp(engine);
    app = test.app;
  });
  afterEach(async () => test?.close());

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  it('GET /api/health names the database', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: engine, version: '0.1.0' });
    expect(body.databaseVersion).toMatch(/^\d+/);
  });

  it('GET /api/areas lists each level with population', async () => {
    const gemeenten = await get('/api/areas?level=gemeente');
    expect(gemeenten.status).toBe(200);
    expect(gemeenten.body.items).toHaveLength(342);
    expect(gemeenten.body.items[0]).toEqual({
      code: 'GM1680',
      name: 'Aa en Hunze',
      level: 'gemeente',
      population: 26_062,
      populationReferenceDate: '2026-01-01',
    });
    expect((await get('/api/areas?level=veiligthuisregio')).body.items).toHaveLength(25);
    expect((await get('/api/areas?level=provincie')).body.items).toHaveLength(12);
    expect((await get('/api/areas?level=land')).body.items).toEqual([
      expect.objectContaining({ code: 'NL01', population: 18_130_208 }),
    ]);
  });

  it('filters by parent, year and name', async () => {
    const amstelland = (await get('/api/areas?level=gemeente&parent=VT01')).body.items;
    expect(amstelland.map((area: { code: string }) => area.code).sort()).toEqual([
      'GM0358',
      'GM0362',
      'GM0363',
      'GM0384',
      'GM0437',
      'GM0451',
    ]);
    expect((await get('/api/areas?q=sudwest')).body.items.map((a: { name: string }) => a.name)).toEqual([
      'Súdwest-Fryslân',
    ]);
    // In 2022 the division had other gemeenten, and no population figures are on record for that year.
    const in2022 = (await get('/api/areas?level=gemeente&year=2022&q=weesp')).body.items;
    expect(in2022).toEqual([expect.objectContaining({ code: 'GM0457', population: null })]);
  });

  it('GET /api/areas/{code} gives parents, children and population', async () => {
    const amsterdam = await get('/api/areas/GM0363');
    expect(amsterdam.status).toBe(200);
    expect(amsterdam.body.parents.map((parent: { code: string }) => parent.code)).toEqual([
      'PV27',
      'VT01',
      'NL01',
    ]);
    const region = await get('/api/areas/VT01');
    expect(region.body).toMatchObject({ name: 'Amsterdam-Amstelland', level: 'veiligthuisregio' });
    expect(region.body.children).toHaveLength(6);
    expect(region.body.population).toEqual([{ referenceDate: '2026-01-01', inhabitants: 1_151_282 }]);
    expect(amsterdam.body.predecessors).toEqual([
      { code: 'GM0457', name: 'Weesp', effectiveDate: '2022-03-24', populationShare: 1 },
    ]);
    expect(amsterdam.body.successors).toEqual([]);
    const haaren = (await get('/api/areas/GM0788')).body;
    expect(haaren).toMatchObject({ name: 'Haaren', validTo: '2021-01-01', predecessors: [] });
    expect(haaren.successors.map((link: { code: string }) => link.code).sort()).toEqual([
      'GM0757',
      'GM0824',
      'GM0855',
      'GM0865',
    ]);
    // Asked for a year, an area that did not exist then is not found; without a year it is shown.
    const regionIn2024 = await get('/api/areas/VT01?year=2024');
    expect(regionIn2024.status).toBe(404);
    expect(regionIn2024.body.message).toContain('bestond niet op 2024-01-01');
    expect((await get('/api/areas/GM0457?year=2022')).status).toBe(200);
    expect((await get('/api/areas/GM0457?year=2023')).status).toBe(404);
    const province = await get('/api/areas/PV21');
    expect(province.body.children).toHaveLength(18);
  });

  it('answers an unknown code with 404 and bad parameters with 400 naming the parameter', async () => {
    const unknown = await get('/api/areas/GM9999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('GM9999');
    const badCode = await get('/api/areas/amsterdam');
    expect(badCode).toMatchObject({ status: 400, body: { parameter: 'code' } });
    const badLevel = await get('/api/areas?level=wijk');
    expect(badLevel).toMatchObject({ status: 400, body: { parameter: 'level' } });
    expect(badLevel.body.message).toContain("'level'");
    expect(await get('/api/areas?year=twintig')).toMatchObject({ status: 400, body: { parameter: 'year' } });
    expect(await get('/api/areas?parent=VT99')).toMatchObject({ status: 400, body: { parameter: 'parent' } });
    expect(await get('/api/areas?parent=GM0363')).toMatchObject({
      status: 400,
      body: { parameter: 'parent' },
    });
    expect(await get('/api/areas?level=provincie&parent=VT01')).toMatchObject({
      status: 400,
      body: { parameter: 'level' },
    });
    expect(await get('/api/areas?q=%00')).toMatchObject({ status: 400, body: { parameter: 'q' } });
    expect(await get('/api/areas?year=2e3')).toMatchObject({ status: 400, body: { parameter: 'year' } });
    expect(await get('/api/areas?year=1899')).toMatchObject({ status: 400, body: { parameter: 'year' } });
    expect((await get('/api/nope')).status).toBe(404);
  });

  it('serves the boundaries as TopoJSON keyed by area code', async () => {
    const { status, body } = await get('/api/boundaries/gemeente');
    expect(status).toBe(200);
    expect(body.type).toBe('Topology');
    const object = Object.values(body.objects)[0] as { geometries: { properties: { statcode: string } }[] };
    expect(object.geometries).toHaveLength(342);
    expect(object.geometries.map((geometry) => geometry.properties.statcode)).toContain('GM0363');
    const regions = (await get('/api/boundaries/veiligthuisregio')).body;
    expect((Object.values(regions.objects)[0] as { geometries: unknown[] }).geometries).toHaveLength(25);
  });

  it('documents every API route in OpenAPI at /docs/json', async () => {
    const { status, body } = await get('/docs/json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([url, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${url}`),
    );
    const served = app.apiRoutes.map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(served).toContain('GET /api/areas/{code}');
    expect(served).toContain('POST /api/auth/sign-in');
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    const listAreas = body.paths['/api/areas'].get;
    expect(listAreas.operationId).toBe('listAreas');
    expect(listAreas.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'level',
      'parent',
      'q',
      'year',
    ]);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const { headers } = await get('/api/health');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    // Installations on the local network run over plain HTTP: nothing may be upgraded to HTTPS.
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});
