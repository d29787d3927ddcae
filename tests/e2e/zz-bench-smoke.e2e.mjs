// Keeps the benchmark harness from rotting: a quick 1,000-user run through every scenario.
// No timing assertions: machines differ; bench/README.md holds the measured figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBench } from '../../bench/run.mjs';

test('the benchmark harness runs every scenario end to end (1,000 users, quick)', async () => {
  const r = await runBench({ users: 1000, quick: true, write: false, log: () => {} });
  for (const name of [
    'create demo workspace',
    'open app → first rows',
    'search keystroke',
    'typing a name, per key',
    'search matching nobody',
    'filter: tick/untick Status: Active',
    'filter change',
    'sort',
    'scroll by wheel: frame',
    'scroll by flings: frame',
    'open a user’s page',
    'action menu: every count shown',
    'action preview: field changes',
    'export all users (Muster CSV)',
    'select all matching',
    'menu + preview',
    'bulk apply',
    'revert upload: preview',
    'revert upload: apply',
    'upload: read → preview shown',
    'upload: apply'
  ])
    assert.ok(r.scenarios[name]?.median > 0, `${name} was measured`);
  for (const floor of ['parse', 'write', 'read', 'rmw']) assert.ok(r.floors[floor].median > 0, `the ${floor} floor was measured`);
  assert.ok(r.floors.chunks >= 2 && r.floors.chunks <= 4, 'about 1,100 users (after the upload) are stored as a few chunks of 500');
  assert.ok(r.bulkApplied.median > 0, 'the bulk action changed users');
  assert.ok(r.heap.pageAfterLoad > 0 && r.heap.workerAfterLoad > 0, 'the page and engine worker heaps were measured');
});
