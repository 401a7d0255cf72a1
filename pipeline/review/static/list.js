// Document list: faceted filters (each option shows how many documents it would leave,
// given the other filters), state kept in the URL so reload and "back" keep it.
"use strict";

(() => {
  const { el, api, rememberList } = Review;
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#docs tbody");
  let docs = [];

  const issuerOf = (d) => d.issuer_canonical || d.issuer || "(none)";
  const FACETS = {
    year: (d) => (d.year === null ? "unknown" : String(d.year)),
    issuer: issuerOf,
    kind: (d) => d.kind || "(none)",
    status: (d) => d.status || "(none)",
    warnings: (d) => ((d.warnings || []).length ? "yes" : "no"),
    corrections: (d) => (d.corrections ? "yes" : "no"),
  };

  function state() {
    const s = {};
    for (const [k, v] of new URLSearchParams(location.search)) s[k] = v;
    return s;
  }

  function matches(d, s, skip) {
    for (const [name, fn] of Object.entries(FACETS)) {
      if (name !== skip && s[name] && fn(d) !== s[name]) return false;
    }
    if (s.q) {
      const hay = `${d.title || ""} ${issuerOf(d)} ${d.source_path || ""} ${d.doc_id}`.toLowerCase();
      if (!hay.includes(s.q.toLowerCase())) return false;
    }
    return true;
  }

  function fillFacet(name, s) {
    const select = form.elements[name];
    const counts = new Map();
    let total = 0;
    for (const d of docs) {
      if (!matches(d, s, name)) continue;
      total += 1;
      const v = FACETS[name](d);
      counts.set(v, (counts.get(v) || 0) + 1);
    }
    const values = [...counts.keys()].sort((a, b) => (name === "year" ? b.localeCompare(a) : a.localeCompare(b, "zh")));
    if (s[name] && !counts.has(s[name])) values.push(s[name]);
    select.replaceChildren(
      el("option", { value: "", text: `all (${total})` }),
      ...values.map((v) => el("option", { value: v, text: `${v} (${counts.get(v) || 0})` })),
    );
    select.value = s[name] || "";
  }

  function row(d) {
    const warnings = (d.warnings || []).length;
    return el("tr", { "data-doc": d.doc_id, class: d.duplicate_of ? "copy" : "" },
      el("td", { text: d.year === null ? "—" : d.year }),
      el("td", {}, el("a", { href: `/doc/${d.doc_id}`, class: "doc-link", text: d.title || "(no title)" }),
        d.duplicate_of ? el("span", { class: "tag", title: `copy of ${d.duplicate_of}`, text: "copy" }) : null),
      el("td", { text: issuerOf(d) }),
      el("td", { text: d.kind || "" }),
      el("td", {}, el("span", { class: `status ${d.status}`, text: d.status || "" })),
      el("td", { class: "small", text: `${d.source_format || ""} · ${d.pages || 0}p${d.ocr_engine ? " · OCR" : ""}` }),
      el("td", { class: warnings ? "warn num" : "num", title: (d.warnings || []).join("\n"), text: warnings || "" }),
      el("td", { class: d.corrections ? "fixed num" : "num", text: d.corrections || "" }),
      el("td", { class: "small path", text: d.source_path || "" }),
    );
  }

  function render() {
    const s = state();
    for (const name of Object.keys(FACETS)) fillFacet(name, s);
    form.elements.q.value = s.q || "";
    const shown = docs.filter((d) => matches(d, s, null));
    tbody.replaceChildren(...shown.map(row));
    document.getElementById("count").textContent = `${shown.length} of ${docs.length} documents`;
    rememberList(location.search);
  }

  function update() {
    const params = new URLSearchParams();
    for (const name of [...Object.keys(FACETS), "q"]) {
      const v = form.elements[name].value;
      if (v) params.set(name, v);
    }
    const search = params.toString() ? `?${params}` : "";
    history.replaceState(null, "", location.pathname + search);
    render();
  }

  form.addEventListener("change", update);
  form.elements.q.addEventListener("input", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    history.replaceState(null, "", location.pathname);
    render();
  });

  api("/api/documents").then((body) => {
    docs = body.documents;
    document.getElementById("data-dir").textContent = body.data_dir;
    render();
    document.body.dataset.ready = "1";
  }).catch((e) => {
    const p = document.getElementById("error");
    p.textContent = e.message;
    p.hidden = false;
  });
})();
