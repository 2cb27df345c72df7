/**
 * Tracks the OpenCV Mats created during one run so that a single `finally { scope.delete() }`
 * frees them on every path, errors and cancellation included.
 */
import type { OpenCV } from '../opencv';

export type Mat = InstanceType<OpenCV['Mat']>;

interface Deletable {
  delete(): void;
  isDeleted?(): boolean;
}

export class MatScope {
  private readonly items: Deletable[] = [];

  constructor(readonly cv: OpenCV) {}

  /** Registers an OpenCV object (Mat, MatVector, ...) for deletion and returns it. */
  track<T extends Deletable>(item: T): T {
    this.items.push(item);
    return item;
  }

  mat(): Mat {
    return this.track(new this.cv.Mat());
  }

  /** Deletes one tracked object early (large intermediates) and forgets it. */
  release(item: Deletable): void {
    const i = this.items.indexOf(item);
    if (i >= 0) this.items.splice(i, 1);
    if (!item.isDeleted?.()) item.delete();
  }

  delete(): void {
    for (const item of this.items.splice(0)) {
      if (!item.isDeleted?.()) item.delete();
    }
  }
}
