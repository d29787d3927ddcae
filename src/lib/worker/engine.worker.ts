import * as Comlink from 'comlink';
import { createEngine } from './api';
import { holdLifeline } from './lifeline';

// The browser's single engine: every read and write of workspace data happens in this worker.
Comlink.expose(Object.assign(createEngine(), { holdLifeline }));
