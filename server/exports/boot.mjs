// A worker's entry must be JavaScript: tsx's hooks do not reach a worker's first module, so this one loads
// the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
