// Full-text search over window.teiEncodeSearch (search-data.js): every word typed must occur in a
// document's text, title or the names (any form) of the people and places it names; the facets narrow.
(() => {
  const data = window.teiEncodeSearch, form = document.getElementById("search-form");
  if (!data || !form) return;
  // Case and diacritics folded one UTF-16 unit at a time, so that positions in the folded text are positions
  // in the text (й, ё and é fold to и, е and e); the folding of each unit is remembered.
  const folded = new Map();
  const foldUnit = (c) => {
    let f = folded.get(c);
    if (f === undefined) {
      f = c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
      folded.set(c, f);
    }
    return f;
  };
  const fold = (s) => {
    let out = "";
    for (let i = 0; i < s.length; i++) out += foldUnit(s[i]);
    return out;
  };
  const query = document.getElementById("q"), status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  const facet = (name) => document.getElementById(`facet-${name}`);
  const names = (kind, keys) => keys.flatMap((k) => data.names[kind][k] || []);
  const docs = data.documents.map((d) => {
    const haystack = [d.title, d.text, ...names("person", d.people), ...names("place", d.places)].join(" \n ");
    return {...d, haystack: fold(haystack), folded: fold(d.text)};
  });
  const options = {
    person: [...new Set(docs.flatMap((d) => d.people))].map((k) => [k, data.names.person[k][0]]),
    place: [...new Set(docs.flatMap((d) => d.places))].map((k) => [k, data.names.place[k][0]]),
    year: [...new Set(docs.map((d) => d.year))].map((y) => [y, y]),
    kind: [...new Set(docs.map((d) => d.kind))].map((k) => [k, k]),
  };
  for (const [name, values] of Object.entries(options)) {
    values.sort((a, b) => a[1].localeCompare(b[1]));
    for (const [value, label] of values) facet(name).append(new Option(label, value));
  }
  const matches = (d, words, chosen) =>
    words.every((w) => d.haystack.includes(w)) &&
    (!chosen.person || d.people.includes(chosen.person)) && (!chosen.place || d.places.includes(chosen.place)) &&
    (!chosen.year || d.year === chosen.year) && (!chosen.kind || d.kind === chosen.kind);
  // A snippet of the text around the first word found in it (else its opening).
  const snippet = (d, words) => {
    const p = document.createElement("p");
    p.className = "snippet";
    const at = words.map((w) => d.folded.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined) {
      p.textContent = d.text.slice(0, 160) + (d.text.length > 160 ? " …" : "");
      return p;
    }
    const word = words.find((w) => d.folded.indexOf(w) === at), start = Math.max(0, at - 70);
    const end = Math.min(d.text.length, at + word.length + 90), mark = document.createElement("mark");
    mark.textContent = d.text.slice(at, at + word.length);
    p.append((start ? "… " : "") + d.text.slice(start, at), mark, d.text.slice(at + word.length, end) + (end < d.text.length ? " …" : ""));
    return p;
  };
  const run = () => {
    const words = fold(query.value).split(/\s+/).filter(Boolean);
    const chosen = Object.fromEntries(Object.keys(options).map((n) => [n, facet(n).value]));
    const params = new URLSearchParams(Object.entries({q: query.value, ...chosen}).filter(([, v]) => v));
    history.replaceState(null, "", params.toString() ? `#${params}` : location.pathname);
    results.replaceChildren();
    if (!words.length && !Object.values(chosen).some(Boolean)) { status.textContent = ""; return; }
    const found = docs.filter((d) => matches(d, words, chosen));
    status.textContent = `${found.length} document${found.length === 1 ? "" : "s"} found.`;
    for (const d of found) {
      const li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("span");
      a.href = d.href;
      a.textContent = d.title;
      meta.className = "result-meta";
      meta.textContent = ` ${d.date} · ${d.kind}`;
      li.append(a, meta, snippet(d, words));
      results.append(li);
    }
  };
  const saved = new URLSearchParams(location.hash.slice(1));
  query.value = saved.get("q") || "";
  for (const name of Object.keys(options)) facet(name).value = saved.get(name) || "";
  form.addEventListener("input", run);
  form.addEventListener("change", run);
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
})();
