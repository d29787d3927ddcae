// With hash routing the app's own path and query live after the '#': /muster/#/reports?kind=x.
function parts(url: URL): [string, string] {
  const h = url.hash.slice(1) || '/';
  const i = h.indexOf('?');
  return i >= 0 ? [h.slice(0, i), h.slice(i + 1)] : [h, ''];
}

export function routePath(url: URL): string {
  return parts(url)[0];
}

export function routeParams(url: URL): URLSearchParams {
  return new URLSearchParams(parts(url)[1]);
}
