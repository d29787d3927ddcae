import * as Comlink from 'comlink';
import { createEngine } from './api';

// The browser's single engine: every read and write of workspace data happens in this worker.
Comlink.expose(createEngine());
