import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { rfmCommand } from '../../src/cli/rfmCommand';
import { customersCsv, ordersCsv } from '../support/sessionData';
import { runCommand } from '../support/runCommand';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-report-'));
  await writeFile(join(dir, 'customers.csv'), customersCsv);
  await writeFile(join(dir, 'orders.csv'), ordersCsv);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const quick = ['--k-max', '4', '--n-init', '2'];

describe('--report (#18)', () => {
  it('analyze writes the HTML report of its segments, and says where', async () => {
    const path = join(dir, 'report.html');
    const run = await runCommand(analyzeCommand, [
      join(dir, 'customers.csv'),
      ...quick,
      '--report',
      path,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Saved the report to ${path}\n`);
    const html = await readFile(path, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<title>Customer segments: \u2068customers.csv\u2069</title>');
    // The k the command printed is the k of the report.
    const k = Number(/Segments \(k = (\d+)\)/.exec(run.stdout)?.[1]);
    expect(html.match(/<article class="profile">/g)).toHaveLength(k);
  });

  it('writes it in the language of the command line, and names it in --json', async () => {
    const path = join(dir, '报告.html');
    const run = await runCommand(
      analyzeCommand,
      [join(dir, 'customers.csv'), ...quick, '--k', '3', '--report', path, '--json'],
      'zh',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ k: 3, reportFile: path });
    const html = await readFile(path, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('显示的细分群数量：3（按所选；推荐的是');
  });

  it('rfm writes the report with the RFM summary and the named segments', async () => {
    const path = join(dir, 'rfm.html');
    const run = await runCommand(rfmCommand, [join(dir, 'orders.csv'), ...quick, '--report', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Saved the report to ${path}\n`);
    const html = await readFile(path, 'utf8');
    expect(html).toContain('<section id="rfm">');
    expect(html).toContain('Customers per named segment');
    expect(html).toContain('<bdi>Champions</bdi>');
    expect(html).toContain('<section id="segments">');
  });

  it('names DBSCAN’s noise as --segment-name noise=NAME says', async () => {
    const path = join(dir, 'dbscan.html');
    const run = await runCommand(analyzeCommand, [
      join(dir, 'customers.csv'),
      '--algorithm',
      'dbscan',
      '--eps',
      '0.6',
      '--min-pts',
      '5',
      '--segment-name',
      'noise=Occasional <visitors>',
      '--report',
      path,
    ]);
    expect(run.code).toBe(0);
    const html = await readFile(path, 'utf8');
    expect(html).toContain('Noise: \u2068Occasional &lt;visitors&gt;\u2069</h3>');
  });

  it('says in one line what to do when the report cannot be written', async () => {
    const path = join(dir, 'no such folder', 'report.html');
    const run = await runCommand(analyzeCommand, [
      join(dir, 'customers.csv'),
      ...quick,
      '--report',
      path,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `segmentlens: There is no folder ${join(dir, 'no such folder')}: create it, or give --report a file in a folder that exists.\n`,
    );
  });
});
