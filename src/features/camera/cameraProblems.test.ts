import { describe, expect, it } from 'vitest';
import { cameraProblem, cameraProblemFor } from './cameraProblems';

const domError = (name: string): Error => Object.assign(new Error('x'), { name });

describe('cameraProblemFor', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['AbortError', 'unknown'],
  ])('%s -> %s', (name, kind) => {
    expect(cameraProblemFor(domError(name)).kind).toBe(kind);
  });

  it('treats anything that is not an error object as unknown', () => {
    expect(cameraProblemFor(undefined).kind).toBe('unknown');
    expect(cameraProblemFor('boom').kind).toBe('unknown');
    expect(cameraProblemFor({ name: 42 }).kind).toBe('unknown');
  });

  it('tells a denied user where to allow the camera and offers Upload', () => {
    const { message } = cameraProblemFor(domError('NotAllowedError'));
    expect(message).toMatch(/site settings/);
    expect(message).toMatch(/Upload/);
  });

  it('explains that the camera needs https or localhost', () => {
    expect(cameraProblem('insecure').message).toMatch(/https/);
    expect(cameraProblem('insecure').message).toMatch(/localhost/);
  });

  it('has a distinct message for every kind', () => {
    const kinds = ['insecure', 'denied', 'not-found', 'busy', 'ended', 'unknown'] as const;
    const messages = new Set(kinds.map((k) => cameraProblem(k).message));
    expect(messages.size).toBe(kinds.length);
  });
});
