/**
 * The personal-samples file (export / import): JSON, crops as base64 of little-endian float32
 * so a round trip reproduces them exactly (and so the readings they give).
 *
 *   { "format": "digit-lens-personal-samples", "version": 1,
 *     "samples": [{ "label": 7, "createdAt": 1764650000000, "crop28": "<base64, 3136 bytes>" }] }
 */
import { EngineError } from '../engine/errors';
import type { StoredSample } from './personalStorage';

export const FILE_FORMAT = 'digit-lens-personal-samples';
const PIXELS = 784;

function toBase64(crop: Float32Array): string {
  const bytes = new Uint8Array(PIXELS * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < PIXELS; i++) view.setFloat32(i * 4, crop[i] ?? 0, true);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Float32Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length !== PIXELS * 4) return null;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const crop = new Float32Array(PIXELS);
  for (let i = 0; i < PIXELS; i++) crop[i] = view.getFloat32(i * 4, true);
  return crop.every((v) => Number.isFinite(v)) ? crop : null;
}

export function samplesToJson(samples: readonly StoredSample[]): string {
  return JSON.stringify({
    format: FILE_FORMAT,
    version: 1,
    samples: samples.map((s) => ({
      label: s.label,
      createdAt: s.createdAt,
      crop28: toBase64(s.crop28),
    })),
  });
}

/** An 'invalid-samples' EngineError whose sentence says what is wrong with this file. */
function sampleFileError(userMessage: string): EngineError {
  return new EngineError('invalid-samples', userMessage, { userMessage });
}

const NOT_OURS =
  'This file is not a Digit Lens samples file. Choose a file made with "Export samples".';

/** Parses an exported file; ids are given fresh. Throws an 'invalid-samples' EngineError with a sentence. */
export function samplesFromJson(text: string, newId: () => string): StoredSample[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw sampleFileError(NOT_OURS);
  }
  const file = json as { format?: unknown; version?: unknown; samples?: unknown };
  if (!file || file.format !== FILE_FORMAT || !Array.isArray(file.samples)) {
    throw sampleFileError(NOT_OURS);
  }
  if (file.version !== 1) {
    throw sampleFileError(
      'This samples file comes from a newer Digit Lens. Update the app, then import it again.',
    );
  }
  return file.samples.map((raw: unknown, i) => {
    const s = raw as { label?: unknown; createdAt?: unknown; crop28?: unknown };
    const crop = typeof s?.crop28 === 'string' ? fromBase64(s.crop28) : null;
    const label = s?.label;
    if (!crop || typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label > 9) {
      throw sampleFileError(
        `Sample ${i + 1} in this file is damaged (it needs a digit 0-9 and a 28x28 crop). Nothing was imported.`,
      );
    }
    const createdAt =
      typeof s.createdAt === 'number' && Number.isFinite(s.createdAt) ? s.createdAt : Date.now();
    return { id: newId(), label, crop28: crop, createdAt };
  });
}
