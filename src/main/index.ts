// Electron main entry: everything is wired in lifecycle/run.ts.
import { runMainProcess } from './lifecycle/run.ts';

runMainProcess();
