/**
 * Holds the raw OpenCV.js module behind a plain object. Importing the package directly with a
 * dynamic import() hands the bundler's namespace (which carries the Module's `then`) to Promise
 * resolution, which then chases the thenable forever. Wrapping it keeps `then` out of reach.
 */
import cvModule from '@techstark/opencv-js';

export const openCvHolder: { module: unknown } = { module: cvModule };
