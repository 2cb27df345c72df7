// Worker threads start plain Node: load tsx here, then the TypeScript worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
