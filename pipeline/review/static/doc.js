// Document view: source pages with every field's evidence box, the record beside them,
// and editing that appends corrections. Keys tie the two sides together:
//   "documents::title", "deadlines:3:date" (child row seq 3), "deadlines:3:*" (the whole row).
"use strict";

(() => {
  const { el, api, show, when, listUrl } = Review;
  const docId = location.pathname.split("/").filter(Boolean).pop();
  const viewer = document.getElementById("viewer");
  const record = document.getElementById("record");
  let S = null; // the server's payload for this document
  let selected = null; // the selected key
  let scrollWanted = null; // a selection whose page image is still loading

  const LABELS = {
    title: "标题 title", kind: "类型 kind", event: "活动 event", edition: "届次 edition", year: "年份 year",
    issuer: "发文机关 issuer", issuer_mark: "发文机关标志 mark", doc_number: "发文字号 number",
    doc_number_agency: "字号·机关代字", doc_number_year: "字号·年份", doc_number_serial: "字号·序号",
    issue_date: "成文日期 issued", signer: "签发人 signer", urgency: "紧急程度 urgency",
    classification: "密级 classification", copy_number: "份号 copy", serial: "序号 serial",
    recipients: "主送 recipients", cc: "抄送 cc", printer: "印发机关 printer", print_date: "印发日期 printed",
    theme: "主题 theme", period_start: "开始 period start", period_end: "结束 period end",
    attachments: "附件 attachments", slogans: "标语 slogans", issuer_canonical: "机关(规范) canonical issuer",
    issuer_level: "层级 level", province: "省 province", city: "市 city", county: "县 county",
    form: "形式 form", lead_units: "牵头单位 lead units", date_text: "时间 date", location: "地点 location",
    date: "日期 date", time: "时间 time", task: "事项 task", name: "联系人 name", phones: "电话 phones",
    faxes: "传真 faxes", email: "邮箱 email",
  };
  const SECTIONS = { activities: "活动 Activities", deadlines: "时限 Deadlines", contacts: "联系人 Contacts" };
  const LONG = new Set(["title", "theme", "recipients", "cc", "task", "lead_units", "location"]);

  const key = (table, seq, field) => `${table}:${seq === null || seq === undefined ? "" : seq}:${field}`;
  const label = (f) => LABELS[f] || f;
  const hits = (boxKey, k) => (k.endsWith(":*") ? boxKey.startsWith(k.slice(0, -1)) : boxKey === k);

  // evidence field name -> key: "contacts[0].phones[1]" -> "contacts:1:phones"
  function targetOf(field) {
    let m = /^(activities|deadlines|contacts|stats)\[(\d+)\]\.([a-z_]+)/.exec(field);
    if (m) return key(m[1], Number(m[2]) + 1, m[3]);
    m = /^([a-z_]+)/.exec(field);
    return key("documents", null, m ? m[1] : field);
  }

  function evidenceFor(k) { return S.evidence.filter((e) => hits(targetOf(e.field), k)); }

  function warningTarget(w) {
    const m = /^([a-z_]+):/.exec(w);
    if (!m) return null;
    if (m[1] === "region") return key("documents", null, "province");
    if (S.fields.documents[m[1]]) return key("documents", null, m[1]);
    if (SECTIONS[m[1]]) return `section:${m[1]}`;
    return null;
  }

  function toast(text, isError) {
    const t = document.getElementById("toast");
    t.textContent = text;
    t.className = isError ? "toast error" : "toast";
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, isError ? 6000 : 2500);
  }

  // ------------------------------------------------------------------ selection
  function select(k, scroll) {
    selected = k;
    viewer.classList.toggle("has-sel", !!k);
    let first = null;
    for (const b of viewer.querySelectorAll("[data-key], [data-keys]")) {
      const keys = (b.dataset.keys || b.dataset.key).split(" ");
      const on = !!k && keys.some((bk) => hits(bk, k));
      b.classList.toggle("sel", on);
      if (on && !first) first = b;
    }
    for (const f of record.querySelectorAll(".field, .row")) {
      f.classList.toggle("sel", !!k && f.dataset.key === k);
    }
    if (scroll && first) scrollToBox(first);
  }

  function scrollToBox(box) {
    const page = box.closest(".page");
    if (page && !page.classList.contains("loaded")) {
      scrollWanted = selected;
      page.scrollIntoView({ block: "start" });
      return;
    }
    scrollWanted = null;
    box.scrollIntoView({ block: "center", inline: "nearest" });
  }

  // ------------------------------------------------------------------ viewer
  function placeBoxes(page) {
    const img = page.querySelector("img");
    const g = S.pages[Number(page.dataset.page) - 1];
    const w = g.coord === "pt" ? g.width : img.naturalWidth;
    const h = g.coord === "pt" ? g.height : img.naturalHeight;
    if (!w || !h) return;
    for (const b of page.querySelectorAll(".box")) {
      const [x0, y0, x1, y1] = b.dataset.bbox.split(",").map(Number);
      b.style.left = `${(100 * x0) / w}%`;
      b.style.top = `${(100 * y0) / h}%`;
      b.style.width = `${(100 * (x1 - x0)) / w}%`;
      b.style.height = `${(100 * (y1 - y0)) / h}%`;
    }
  }

  function drawBoxes() {
    for (const page of viewer.querySelectorAll(".page")) {
      page.querySelectorAll(".box").forEach((b) => b.remove());
      const n = Number(page.dataset.page);
      for (const e of S.evidence) {
        if (e.page !== n || e.x0 === null || e.x0 === undefined) continue;
        const k = targetOf(e.field);
        page.append(el("div", {
          class: "box", "data-key": k, "data-ev": e.field, "data-bbox": [e.x0, e.y0, e.x1, e.y1].join(","),
          title: `${e.field}: ${e.value}  (${e.method}, ${Number(e.confidence).toFixed(2)})`,
          onclick: () => { select(k, false); focusField(k); },
        }));
      }
      if (page.classList.contains("loaded")) placeBoxes(page);
    }
  }

  function renderPages() {
    const rv = S.render_version;
    viewer.replaceChildren(...S.pages.map((g) => {
      const img = el("img", {
        class: "page-img", "data-page": g.number, alt: `page ${g.number}`, draggable: false,
        loading: g.number <= 2 ? "eager" : "lazy", decoding: "async",
        src: `/api/doc/${docId}/page/${g.number}.png?v=${rv}`,
      });
      const page = el("div", { class: "page", "data-page": g.number }, img,
        el("span", { class: "page-no", text: `p. ${g.number}` }));
      page.style.aspectRatio = g.coord === "pt" ? `${g.width} / ${g.height}` : "1654 / 2339";
      img.addEventListener("load", () => {
        page.style.aspectRatio = `${img.naturalWidth} / ${img.naturalHeight}`;
        page.classList.add("loaded");
        placeBoxes(page);
        if (scrollWanted && scrollWanted === selected) select(selected, true);
      });
      img.addEventListener("error", () => {
        page.classList.add("failed");
        page.append(el("p", { class: "error", text: `page ${g.number} could not be rendered` }));
      });
      return page;
    }));
    drawBoxes();
  }

  function renderText() {
    const text = S.document.text || "";
    const spans = S.evidence.filter((e) => e.char_start !== null && e.char_end !== null)
      .map((e) => ({ s: e.char_start, e: Math.max(e.char_end, e.char_start + 1), k: targetOf(e.field) }));
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.s, s.e])])]
      .filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const pre = el("pre", { class: "text" });
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const keys = [...new Set(spans.filter((s) => s.s <= a && s.e >= b).map((s) => s.k))];
      const chunk = text.slice(a, b);
      if (!keys.length) { pre.append(chunk); continue; }
      pre.append(el("mark", {
        class: "ev", "data-keys": keys.join(" "), text: chunk, title: keys.join(", "),
        onclick: () => { select(keys[0], false); focusField(keys[0]); },
      }));
    }
    viewer.replaceChildren(el("div", { class: "text-source" }, pre));
  }

  // ------------------------------------------------------------------ record
  async function submit(body, where) {
    try {
      const res = await api(`/api/doc/${docId}/corrections`, { json: body });
      S = res;
      renderHeader();
      renderRecord();
      drawBoxes();
      if (!S.pages.length) renderText();
      select(selected, false);
      document.body.dataset.saved = String(Number(document.body.dataset.saved || 0) + 1);
      toast(`saved: ${res.saved.table}${res.saved.row_key ? " #" + res.saved.row_key : ""} ${res.saved.field}`);
    } catch (e) {
      if (where) where.textContent = e.message;
      toast(e.message, true);
    }
  }

  function chips(k) {
    const ev = evidenceFor(k);
    if (!ev.length && !k.startsWith("documents:")) return []; // child columns mostly have none: no noise
    if (!ev.length) return [el("span", { class: "chip none", text: "no location" })];
    return ev.map((e) => el("button", {
      type: "button", class: "chip", title: `${e.field}: ${e.value} · ${e.method}`,
      text: e.page ? `p${e.page} · ${Number(e.confidence).toFixed(2)}` : `chars ${e.char_start}–${e.char_end}`,
      onclick: () => select(k, true),
    }));
  }

  function fieldEditor(table, seq, field, value, verified, warnings) {
    const kind = S.fields[table][field];
    const k = key(table, seq, field);
    const multi = kind === "list" || LONG.has(field);
    const input = multi ? el("textarea", { rows: kind === "list" ? Math.max(2, (value || []).length) : 2 })
      : el("input", { type: "text", inputmode: kind === "int" ? "numeric" : null,
        placeholder: { date: "YYYY-MM-DD", time: "HH:MM", int: "number" }[kind] || "" });
    input.value = show(value);
    input.name = field;
    const orig = input.value;
    const err = el("span", { class: "err" });
    const wrap = el("div", { class: "field", "data-key": k, "data-field": field, "data-table": table });
    const save = () => {
      err.textContent = "";
      submit({ op: "set", table, field, row_key: seq, old: orig, new: input.value }, err);
    };
    const revert = () => { input.value = orig; wrap.classList.remove("dirty"); err.textContent = ""; };
    input.addEventListener("focus", () => select(k, true));
    input.addEventListener("input", () => wrap.classList.toggle("dirty", input.value !== orig));
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (!multi || e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
      if (e.key === "Escape") revert();
    });
    wrap.append(
      el("label", { onclick: () => { select(k, true); } },
        label(field), verified ? el("span", { class: "badge ok", title: "verified by a reviewer", text: "✓ verified" }) : null),
      el("div", { class: "control" }, input,
        el("button", { type: "button", class: "save", text: "Save", onclick: save }),
        el("button", { type: "button", class: "revert", text: "↺", title: "revert (Esc)", onclick: revert }),
        el("button", {
          type: "button", class: "confirm", text: "✓", title: "the value is right: mark it verified",
          onclick: () => submit({ op: "confirm", table, field, row_key: seq, old: orig }, err),
        })),
      el("div", { class: "meta" }, chips(k), err),
      (warnings || []).map((w) => el("p", { class: "warning", text: w })),
    );
    return wrap;
  }

  function childRow(table, row) {
    const k = key(table, row.seq, "*");
    const removeBtn = el("button", { type: "button", class: "remove", text: "remove" });
    removeBtn.addEventListener("click", () => {
      if (!removeBtn.classList.contains("armed")) {
        removeBtn.classList.add("armed");
        removeBtn.textContent = "really remove?";
        return;
      }
      submit({ op: "remove", table, row_key: row.seq }, null);
    });
    const cols = Object.keys(S.fields[table]);
    return el("div", { class: `row${row.verified ? " verified" : ""}`, "data-key": k, "data-table": table, "data-seq": row.seq },
      el("div", { class: "row-head", onclick: (e) => { if (e.target.tagName !== "BUTTON") select(k, true); } },
        el("strong", { text: `#${row.seq}` }),
        row.verified ? el("span", { class: "badge ok", text: "✓ verified" }) : null,
        el("span", { class: "grow" }),
        el("button", { type: "button", class: "confirm", text: "✓ row", title: "the row is right: mark it verified",
          onclick: () => submit({ op: "confirm", table, field: "*", row_key: row.seq }, null) }),
        removeBtn),
      cols.map((c) => fieldEditor(table, row.seq, c, row[c], false, [])));
  }

  function addForm(table, section) {
    const cols = Object.keys(S.fields[table]);
    const inputs = {};
    const err = el("span", { class: "err" });
    const form = el("form", { class: "row adding", "data-table": table },
      el("div", { class: "row-head" }, el("strong", { text: `new ${table.replace(/s$/, "")}` })),
      cols.map((c) => {
        const kind = S.fields[table][c];
        inputs[c] = kind === "list" ? el("textarea", { name: c, rows: 2, placeholder: "one per line" })
          : el("input", { type: "text", name: c, placeholder: { date: "YYYY-MM-DD", time: "HH:MM" }[kind] || "" });
        return el("div", { class: "field" }, el("label", { text: label(c) }), el("div", { class: "control" }, inputs[c]));
      }),
      el("div", { class: "control" },
        el("button", { type: "submit", class: "save-row", text: "Save row" }),
        el("button", { type: "button", text: "Cancel", onclick: () => form.remove() }), err));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const values = {};
      for (const [c, i] of Object.entries(inputs)) values[c] = i.value;
      submit({ op: "add", table, values }, err);
    });
    section.querySelector(".rows").append(form);
    form.querySelector("input, textarea").focus();
  }

  function childSection(table, warnings) {
    const rows = S.tables[table] || [];
    const section = el("section", { class: "children", "data-table": table },
      el("h2", {}, `${SECTIONS[table]} `, el("span", { class: "muted", text: `(${rows.length})` }),
        el("button", { type: "button", class: "add", text: "+ add", onclick: () => addForm(table, section) })),
      warnings.map((w) => el("p", { class: "warning", text: w })),
      el("div", { class: "rows" }, rows.map((r) => childRow(table, r))));
    return section;
  }

  function history() {
    if (!S.history.length) return null;
    return el("section", { class: "history" }, el("h2", { text: "Corrections" }),
      el("ol", {}, [...S.history].reverse().map((h) => el("li", {},
        el("span", { class: "muted small", text: `${when(h.at)} · ${h.who}` }), " ",
        el("code", { text: `${h.table}${h.row_key ? " #" + h.row_key : ""}.${h.field}` }), " ",
        el("span", { class: "old", text: show(h.old) || "∅" }), " → ",
        el("span", { class: "new", text: show(h.new) || "∅" }),
        h.applied ? null : el("span", { class: "tag", title: "not in the tables until the next `notices run`", text: "pending" })))));
  }

  function info(d) {
    const rows = [["doc_id", d.doc_id], ["source", d.source_path], ["also at", (d.also_at || []).join(", ")],
      ["format", d.source_format], ["pages", d.pages], ["OCR", d.ocr_engine], ["status", d.status],
      ["year source", d.year_source], ["copy of", d.duplicate_of], ["copies", (d.copies || []).join(", ")],
      ["keywords", (d.keywords || []).slice(0, 12).join("、")]];
    return el("details", { class: "info" }, el("summary", { text: "Source and status" }),
      el("dl", {}, rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => [el("dt", { text: k }), el("dd", { text: String(v) })])));
  }

  function renderRecord() {
    const d = S.document;
    const byTarget = new Map();
    const general = [];
    for (const w of d.warnings || []) {
      const t = warningTarget(w);
      if (t) byTarget.set(t, [...(byTarget.get(t) || []), w]);
      else general.push(w);
    }
    const verified = new Set(d.verified_fields || []);
    const scroll = record.scrollTop;
    record.replaceChildren(...[
      general.length ? el("section", { class: "warnings" }, general.map((w) => el("p", { class: "warning", text: w }))) : null,
      el("section", { class: "fields" }, el("h2", { text: "Record" }),
        Object.keys(S.fields.documents).map((f) => fieldEditor("documents", null, f, d[f], verified.has(f),
          byTarget.get(key("documents", null, f))))),
      Object.keys(SECTIONS).map((t) => childSection(t, byTarget.get(`section:${t}`) || [])),
      history(),
      info(d),
    ].flat().filter(Boolean));
    record.scrollTop = scroll;
  }

  function focusField(k) {
    const f = record.querySelector(`[data-key="${CSS.escape(k)}"]`);
    if (f) f.scrollIntoView({ block: "center" });
  }

  function renderHeader() {
    const d = S.document;
    document.title = `${d.title || d.source_path} — notices review`;
    document.getElementById("title").textContent = d.title || "(no title)";
    document.getElementById("meta").textContent =
      `${d.source_path} · ${d.source_format} · ${d.pages} page(s) · ${d.status}${d.ocr_engine ? " · OCR " + d.ocr_engine : ""}`;
    document.getElementById("back").href = listUrl();
    const notes = [];
    if (S.source_error) notes.push(S.source_error);
    if (S.stale_code && S.pages.some((g) => g.coord === "px")) {
      notes.push("The tables were written by other pipeline code: boxes on scanned pages may be off until `notices run` runs again.");
    }
    if (S.pending) notes.push(`${S.pending} correction(s) not yet in the tables: the next \`notices run\` writes them.`);
    const notice = document.getElementById("notice");
    notice.textContent = notes.join("  ");
    notice.hidden = !notes.length;
  }

  api(`/api/doc/${docId}`).then((body) => {
    S = body;
    renderHeader();
    if (S.pages.length) renderPages(); else renderText();
    renderRecord();
    document.body.dataset.ready = "1";
  }).catch((e) => {
    document.getElementById("title").textContent = e.message;
  });

  // a small hook for tests and for linking: #field=deadlines:3:date selects on load
  window.addEventListener("hashchange", () => {
    const m = /^#field=(.+)$/.exec(location.hash);
    if (m && S) select(decodeURIComponent(m[1]), true);
  });
})();
