// A small load generator: N clients on keep-alive connections send requests for a fixed time; every
// latency is recorded, so the percentiles are exact.
import http from 'node:http';
import { summarise } from './stats';

export interface Scenario {
  name: string;
  request: (i: number) => { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
  expect: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export async function runLoad(
  baseUrl: string,
  scenario: Scenario,
  clients: number,
  seconds: number,
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const spec = scenario.request(i);
      const started = performance.now();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: spec.path,
          method: spec.method,
          agent,
          headers: {
            ...(spec.body
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(spec.body) }
              : {}),
            ...spec.headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (res.statusCode !== scenario.expect) errors += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      if (spec.body) req.write(spec.body);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) await one(counter++);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const stats = summarise(latencies);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: stats.p50,
    p95: stats.p95,
    p99: stats.p99,
    errors,
  };
}
