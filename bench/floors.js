// Raw IndexedDB floors, run inside the page (no Dexie, no engine): what the browser itself costs
// for the same records Muster stores. Evaluated with page.evaluate; returns milliseconds.
async (runs) => {
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const done = (tx) => new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = tx.onabort = () => rej(tx.error))));
  const open = (name, upgrade) => {
    const r = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
    r.onupgradeneeded = () => upgrade(r.result);
    return req(r);
  };
  // The records: Muster's own user chunks, read raw.
  const muster = await open('muster');
  const chunks = await req(muster.transaction('userChunks').objectStore('userChunks').getAll());
  muster.close();
  const out = { write: [], read: [], rmw: [], users: chunks.reduce((s, c) => s + c.users.length, 0), chunks: chunks.length };
  for (let i = 0; i < runs; i++) {
    await req(indexedDB.deleteDatabase('floor'));
    const db = await open('floor', (d) => d.createObjectStore('chunks', { keyPath: 'id' }));
    let t = performance.now();
    let tx = db.transaction('chunks', 'readwrite');
    for (const c of chunks) tx.objectStore('chunks').put(c);
    await done(tx);
    out.write.push(performance.now() - t);
    t = performance.now();
    const back = await req(db.transaction('chunks').objectStore('chunks').getAll());
    out.read.push(performance.now() - t);
    // Read-modify-write of every chunk in one transaction: the floor of a bulk action on everyone.
    t = performance.now();
    tx = db.transaction('chunks', 'readwrite');
    const all = await req(tx.objectStore('chunks').getAll());
    for (const c of all) {
      c.users = c.users.map((u) => ({ ...u, status: u.status === 'active' ? 'inactive' : u.status, version: u.version + 1 }));
      tx.objectStore('chunks').put(c);
    }
    await done(tx);
    out.rmw.push(performance.now() - t);
    if (back.length !== chunks.length) throw new Error('floor read mismatch');
    db.close();
  }
  await req(indexedDB.deleteDatabase('floor'));
  return out;
};
