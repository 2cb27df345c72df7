import { describe, expect, it } from 'vitest';
import { digitResult, recognizeResult } from '../../testing/results';
import { CSV_HEADER, csvField, toCsv } from './csv';
import { toJson, toJsonLine } from './json';
import { toRecord } from './records';

const corrected = () => {
  const r = recognizeResult([
    [digitResult(4, 0.99), digitResult(3, 0.41)],
    [digitResult(7, 0.9, true)],
  ]);
  // The person changed the second digit from 8 to 3: the result shows 3.
  return toRecord({
    name: 'form, "A".png',
    status: 'done',
    result: r,
    corrections: [{ line: 0, index: 1, from: 8 }],
  });
};

describe('toRecord', () => {
  it('lists every digit with its line, original label and flags', () => {
    const rec = corrected();
    expect(rec.text).toBe('43\n7');
    expect(rec.digits.map((d) => [d.line, d.index, d.label, d.originalLabel, d.corrected])).toEqual(
      [
        [0, 0, 4, 4, false],
        [0, 1, 3, 8, true],
        [1, 0, 7, 7, false],
      ],
    );
    expect(rec.digits[2]!.doubtful).toBe(true);
  });
  it('an error item has no text and no digits, and keeps its message', () => {
    const rec = toRecord({ name: 'x.pdf', status: 'error', result: null, error: 'A PDF.' });
    expect(rec).toEqual({ name: 'x.pdf', status: 'error', text: '', error: 'A PDF.', digits: [] });
  });
});

describe('toCsv (RFC 4180)', () => {
  it('quotes only fields with a comma, quote or line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('12\n3')).toBe('"12\n3"');
  });
  it('writes a header and one CRLF-ended row per item (known answer)', () => {
    const csv = toCsv([
      corrected(),
      toRecord({ name: 'drawing', status: 'done', result: recognizeResult([]) }),
    ]);
    const header = CSV_HEADER.join(',');
    expect(csv).toBe(
      `${header}\r\n` +
        '"form, ""A"".png",done,"43\n7",3,1,1,4;3;7,4;8;7,0.9900;0.4100;0.9000,0;0;1,0;1;0,0;0;1,' +
        '0 0 10 10;0 0 10 10;0 0 10 10,\r\n' +
        'drawing,done,,0,0,0,,,,,,,,\r\n',
    );
  });
});

describe('JSON', () => {
  it('a document with the items, confidences rounded', () => {
    const doc = JSON.parse(toJson([corrected()], new Date('2026-01-02T03:04:05Z')));
    expect(doc.exportedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(doc.items[0].name).toBe('form, "A".png');
    expect(doc.items[0].digits[1]).toEqual({
      line: 0,
      index: 1,
      label: 3,
      originalLabel: 8,
      confidence: 0.41,
      doubtful: false,
      corrected: true,
      box: { x: 0, y: 0, width: 10, height: 10 },
    });
  });
  it('JSON Lines: one parseable object per line', () => {
    const line = toJsonLine(corrected());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line).text).toBe('43\n7');
  });
});
