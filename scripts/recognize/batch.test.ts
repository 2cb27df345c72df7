import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plan } from './batch';
import { formatProgress, progressBar } from './progress';
import { csvRecords, readExisting } from './resume';
import { CSV_HEADER, csvLine, toCsv, toJsonLine, toRow, type FileRow } from './rows';
import { fnv1a, inShard, parseShard } from './shard';
import { collectInputs, walkImages } from './walk';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recognize-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function touch(rel: string, text = 'x'): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

const row = (file: string, over: Partial<FileRow> = {}): FileRow => ({
  file,
  text: '12',
  digits: [
    {
      label: 1,
      confidence: 0.99,
      doubtful: false,
      corrected: false,
      box: { x: 1, y: 2, width: 3, height: 4 },
      line: 0,
    },
    {
      label: 2,
      confidence: 0.5,
      doubtful: true,
      corrected: false,
      box: { x: 5, y: 6, width: 7, height: 8 },
      line: 0,
    },
  ],
  ...over,
});

describe('walking folders', () => {
  it('finds PNG and JPEG files in nested folders, sorted, hidden ones and others left out', () => {
    for (const f of ['b.png', 'a/z.JPG', 'a/y.jpeg', 'notes.txt', '.hidden/q.png', 'a/.x.png'])
      touch(f);
    const walked = walkImages(dir);
    expect(walked.images).toEqual(['a/y.jpeg', 'a/z.JPG', 'b.png']);
    expect(walked.skipped).toEqual(['notes.txt']);
  });

  it('names files relative to a single folder, and prefixed when several are given', () => {
    touch('one/a.png');
    touch('two/b.png');
    expect(collectInputs([join(dir, 'one')]).inputs.map((i) => i.name)).toEqual(['a.png']);
    const both = collectInputs([join(dir, 'one'), join(dir, 'two')]).inputs;
    expect(both.map((i) => i.name)).toEqual([
      `${join(dir, 'one')}/a.png`,
      `${join(dir, 'two')}/b.png`,
    ]);
    expect(both[1]!.path).toBe(join(dir, 'two', 'b.png'));
  });
});

describe('sharding', () => {
  it('parses i/n and refuses nonsense', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/8', '9/8', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow();
  });

  it('puts every file in exactly one shard, spread evenly, the same on every run', () => {
    const names = Array.from({ length: 4000 }, (_, i) => `scans/box${i % 37}/page-${i}.png`);
    const sizes = [1, 2, 3, 4, 5].map(
      (index) => names.filter((n) => inShard(n, { index, count: 5 })).length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(names.length);
    for (const s of sizes) expect(Math.abs(s - 800)).toBeLessThan(120);
    // FNV-1a reference values: stable across machines and Node versions.
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('plans only this shard, minus what the output already has', () => {
    for (let i = 0; i < 40; i++) touch(`p${i}.png`);
    const all = plan([dir], new Set()).todo.map((i) => i.name);
    const first = plan([dir], new Set(), { index: 1, count: 2 });
    const second = plan([dir], new Set(), { index: 2, count: 2 });
    expect([...first.todo, ...second.todo].map((i) => i.name).sort()).toEqual(all);
    expect(first.otherShards).toBe(second.todo.length);
    const done = new Set(first.todo.slice(0, 3).map((i) => i.name));
    const resumed = plan([dir], done, { index: 1, count: 2 });
    expect(resumed.already).toBe(3);
    expect(resumed.todo).toHaveLength(first.todo.length - 3);
  });
});

describe('output rows', () => {
  it('writes RFC 4180 CSV: header, quoted fields, CRLF, per-digit lists', () => {
    expect(csvLine(CSV_HEADER)).toBe(
      'file,text,labels,confidences,doubtful,corrected,boxes,error\r\n',
    );
    expect(toCsv(row('a,"b".png', { text: '1\n2' }))).toBe(
      '"a,""b"".png","1\n2",1;2,0.99;0.5,false;true,false;false,1 2 3 4;5 6 7 8,\r\n',
    );
  });

  it('writes one JSON object per line', () => {
    const line = toJsonLine(row('x.png'));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual(row('x.png'));
  });

  it('turns an engine result into a row, lines numbered, nothing corrected', () => {
    const digit = (label: number) => ({
      label,
      confidence: 0.123456,
      top: [],
      box: { x: 0, y: 0, width: 1, height: 1 },
      crop28: new Float32Array(784),
      doubtful: false,
    });
    const r = toRow('f.png', {
      text: '1\n2',
      lines: [{ digits: [digit(1)] }, { digits: [digit(2)] }],
      timings: {},
      width: 1,
      height: 1,
    });
    expect(r.digits.map((d) => [d.label, d.line, d.confidence, d.corrected])).toEqual([
      [1, 0, 0.1235, false],
      [2, 1, 0.1235, false],
    ]);
  });
});

describe('resuming', () => {
  it('parses CSV records with quotes, commas and line breaks inside fields', () => {
    const text =
      csvLine(['file', 'text']) + csvLine(['a "q".png', '1\n2']) + csvLine(['b.png', '3']);
    expect(csvRecords(text).records).toEqual([
      ['file', 'text'],
      ['a "q".png', '1\n2'],
      ['b.png', '3'],
    ]);
  });

  it('knows the files a CSV already has and cuts a half-written last row', () => {
    const out = join(dir, 'out.csv');
    const whole = csvLine(CSV_HEADER) + toCsv(row('a.png')) + toCsv(row('b "2".png'));
    writeFileSync(out, `${whole}"c.png","1`);
    const existing = readExisting(out, 'csv');
    expect([...existing.done]).toEqual(['a.png', 'b "2".png']);
    expect(existing.hasHeader).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('knows the files a JSON Lines file already has and cuts a half-written last line', () => {
    const out = join(dir, 'out.jsonl');
    const whole = toJsonLine(row('a.png')) + toJsonLine(row('b.png'));
    writeFileSync(out, `${whole}{"file":"c.p`);
    expect([...readExisting(out, 'jsonl').done]).toEqual(['a.png', 'b.png']);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('starts from nothing when there is no output yet', () => {
    expect(readExisting(join(dir, 'none.csv'), 'csv')).toEqual({
      done: new Set(),
      hasHeader: false,
    });
  });
});

describe('progress', () => {
  it('shows done/total, rate and time left', () => {
    expect(formatProgress({ done: 50, total: 200, failed: 1, elapsedMs: 10_000 }, 8)).toBe(
      '[##------] 50/200 (25%) 5.0 img/s, 30 s left, 1 failed',
    );
  });

  it('redraws in place on a terminal and writes plain lines, seldom, elsewhere', () => {
    const tty: string[] = [];
    const bar = progressBar({ isTTY: true, write: (s) => tty.push(s) });
    bar.update({ done: 1, total: 2, failed: 0, elapsedMs: 200 });
    bar.finish({ done: 2, total: 2, failed: 0, elapsedMs: 400 });
    expect(tty[0]!.startsWith('\r[')).toBe(true);
    expect(tty.at(-1)!.endsWith('\n')).toBe(true);

    const log: string[] = [];
    const plain = progressBar({ isTTY: false, write: (s) => log.push(s) }, 5000);
    for (let t = 0; t <= 12_000; t += 1000)
      plain.update({ done: t / 1000, total: 20, failed: 0, elapsedMs: t });
    expect(log).toHaveLength(3); // at 0, 5 and 10 s
    expect(log.every((l) => !l.includes('\r'))).toBe(true);
  });
});
