// The trainers' workbench: a thin client of the JSON API (/api/...). It computes nothing about the law:
// every status, reading, quote and sentence shown comes from the server's JSON.
"use strict";
(function () {
  const WORDS = JSON.parse(document.getElementById("words").textContent);
  const $ = (id) => document.getElementById(id);
  const state = { known: new Set(), asked: 0, lang: $("lang").value, prev: null, prevAt: null, reason: null, sheet: null, open: new Set() };

  function w(key) { return (WORDS[state.lang] || WORDS.en)[key] || key; }
  // a date as the page's language writes it in words ("27 декабря 2024 г.", "2024 жылғы 27 желтоқсан", the page's "date
  // words" and "month names": not the browser's Intl, whose Kazakh may be missing); the ISO form stays in data-date
  function written(iso, pattern) {
    if (!iso) return "";
    const [y, m, d] = iso.split("-");
    const parts = { YYYY: y, MMMM: w("month names").split("|")[Number(m) - 1] || m, MM: m, DD: d, D: String(Number(d)) };
    return pattern.replace(/YYYY|MMMM|MM|DD|D/g, (token) => parts[token]);
  }
  function dateText(iso) { return /^\d{4}-\d{2}-\d{2}$/.test(iso || "") ? written(iso, w("date words")) : (iso || ""); }
  // ---------------------------------------------------------------- date fields
  // Each date field shows and reads a date as the page's language writes it ("27.12.2024", "27 December 2024":
  // the page's "date pattern"); the ISO date it stands for is in data-iso, the one every request sends.
  function shownDate(iso) { return written(iso, w("date pattern")); }
  // a date as a person writes it: day, month, year in digits (day first, or ISO with the year first), or with the
  // month's name in kk, ru or en (the month words `zan ask` reads); null if it names no day of the calendar
  function readDate(text) {
    const t = text.trim().toLowerCase();
    const nums = t.match(/\d+/g) || [];
    const names = (t.match(/[^\d\s.,\/\-–]+/gu) || []).map((word) => {
      for (let m = 1; m <= 12; m++) if (w("month " + m).split("|").some((form) => word.startsWith(form))) return m;
      return null;
    }).filter(Boolean);
    let y, m, d;
    if (names.length === 1 && nums.length === 2) {
      m = names[0];
      [y, d] = nums[0].length === 4 ? nums : [nums[1], nums[0]];
    } else if (names.length === 0 && nums.length === 3) {
      [y, m, d] = nums[0].length === 4 ? nums : [nums[2], nums[1], nums[0]];
    } else return null;
    if (String(y).length !== 4 || String(d).length > 2 || String(m).length > 2) return null;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
    return date.toISOString().slice(0, 10);
  }
  function isoOf(id) { return $(id).dataset.iso || ""; }
  function showDate(field, iso) {
    field.dataset.iso = iso || "";
    field.value = shownDate(iso);
    dateError(field, null);
  }
  function dateError(field, text) {
    const where = $(field.id + "-error");
    field.setAttribute("aria-invalid", text ? "true" : "false");
    field.setCustomValidity(text || "");
    if (where) { where.hidden = !text; where.textContent = text || ""; }
  }
  // what the trainer typed: a day of the calendar is taken (and written back as the language writes it), anything
  // else is said at the field, in the page's language, and changes nothing. An optional field (data-optional: the
  // comparison date, the case space's own date) left empty is no date: nothing to compare with, the page's date; a
  // field a date is needed in says so
  function takeDate(field, quiet) {
    const text = field.value;
    if (!text.trim()) {
      if ("optional" in field.dataset) {
        const moved = field.dataset.iso !== "";
        field.dataset.iso = "";
        field.value = "";
        dateError(field, null);
        if (moved) field.dispatchEvent(new CustomEvent("datechange"));
        return moved;
      }
      if (!quiet) dateError(field, w("date required"));
      return false;
    }
    const iso = readDate(text);
    if (!iso) { if (!quiet) dateError(field, w("date invalid").replace("{text}", text.trim())); return false; }
    const moved = iso !== field.dataset.iso;
    field.dataset.iso = iso;
    dateError(field, null);
    if (!quiet) field.value = shownDate(iso);
    if (moved) field.dispatchEvent(new CustomEvent("datechange"));
    return moved;
  }
  function dateField(field, onMove) {
    const initial = readDate(field.value || "");
    showDate(field, initial);
    let typing = null;
    field.addEventListener("input", () => {   // a whole date typed is taken after a pause; a half-typed one waits
      clearTimeout(typing);
      dateError(field, null);
      typing = setTimeout(() => { if (readDate(field.value) || ("optional" in field.dataset && !field.value.trim())) takeDate(field, true); }, 700);
    });
    field.addEventListener("change", () => { clearTimeout(typing); takeDate(field, false); });
    field.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); clearTimeout(typing); takeDate(field, false); }
      else if ((e.key === "ArrowUp" || e.key === "ArrowDown") && field.dataset.iso) {   // a day later or earlier
        e.preventDefault();
        clearTimeout(typing);
        const d = new Date(field.dataset.iso + "T00:00:00Z");
        d.setUTCDate(d.getUTCDate() + (e.key === "ArrowUp" ? 1 : -1));
        field.value = shownDate(d.toISOString().slice(0, 10));
        takeDate(field, false);
      }
    });
    if (onMove) field.addEventListener("datechange", onMove);
  }
  function relabelDates() { for (const f of document.querySelectorAll(".date-field")) if (f.dataset.iso) showDate(f, f.dataset.iso); }
  function dayBefore(iso) { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10); }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  async function api(name, body) {
    const r = await fetch("/api/" + name, { method: "POST", headers: { "Content-Type": "application/json" },
                                             body: JSON.stringify(body) });
    const data = await r.json();
    if (!r.ok) throw data;
    return data;
  }
  function showErrors(where, e) {
    where.replaceChildren(...((e && e.errors) || [{ message: String(e) }]).map(
      (x) => el("pre", { class: "error", text: x.text || x.message })));
  }
  function caseBody() {
    const name = $("case").value;
    return name && !state.edited ? { case: name } : { facts: $("facts").value };
  }
  function status(s, label) { return el("span", { class: "status " + s, "data-status": s, text: label || w("status " + s) }); }

  // ---------------------------------------------------------------- the case: bundled, pasted, ticked
  async function loadInterview() {
    // the facts the case stated before (some since unticked) keep their persons' kinds, so each stays offered
    const data = await api("interview", Object.assign({ lang: state.lang, known: Array.from(state.known) }, caseBody()));
    if (!state.edited) $("facts").value = data.text;
    for (const g of data.groups) for (const f of g.facts) if (f.lines.length) state.known.add(f.atom);
    const box = $("interview");
    // a person's facts the trainer opened stay open (unticking the last fact of a person does not fold them away)
    const wasOpen = new Set(Array.from(box.querySelectorAll(".group.person[open]")).map((g) => g.dataset.person));
    box.replaceChildren();
    state.readingOf = {};
    for (const g of data.groups) for (const f of g.facts) state.readingOf[f.atom] = f.reading;
    // person by person (the facts about each individual), the ones the case states first
    for (const person of data.people || []) {
      const stated = person.facts.filter((f) => f.lines.length).length;
      const list = el("details", { class: "group person", "data-person": person.person, open: stated || wasOpen.has(person.person) ? "" : null },
                      el("summary", {}, el("b", { text: person.label }), el("span", { class: "muted", text: " (" + stated + "/" + person.facts.length + ")" })));
      for (const f of person.facts.slice().sort((a, b) => (b.lines.length > 0) - (a.lines.length > 0))) {
        const input = el("input", { type: "checkbox", "data-atom": f.atom });
        input.checked = f.lines.length > 0;
        input.addEventListener("change", () => tick(f, input.checked));
        list.append(el("label", { class: "fact", title: f.atom, "data-search": (f.reading + " " + f.atom + " " + f.predicate_label + " " + person.label).toLowerCase() },
                       input, " " + f.reading));
      }
      box.append(list);
    }
    filterFacts();
    // on paper the case is its facts in words (the checklist and the controls are not printed)
    const stated = (data.people || []).flatMap((p) => p.facts.filter((f) => f.lines.length));
    $("print-facts").querySelector("ul").replaceChildren(...stated.map((f) => el("li", { class: "fact", text: f.reading })));
  }
  // the trainer's search: only the facts whose words (reading, atom, predicate, person) hold every word typed
  function filterFacts() {
    const words = $("interview-search").value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const group of document.querySelectorAll("#interview .group")) {
      let shown = 0;
      for (const label of group.querySelectorAll("label.fact")) {
        const hit = words.every((x) => label.dataset.search.includes(x));
        label.hidden = !hit;
        shown += hit ? 1 : 0;
      }
      group.hidden = shown === 0;
      if (words.length && shown) group.open = true;
    }
  }
  function tick(fact, on) {
    let lines = $("facts").value.split("\n");
    if (on) {
      if (lines.length && lines[lines.length - 1] === "") lines.pop();
      lines.push(fact.atom + ".", "");
    } else {
      const drop = new Set(fact.lines.map((n) => n - 1));
      lines = lines.filter((_, i) => !drop.has(i));
    }
    $("facts").value = lines.join("\n");
    state.edited = true;
    state.reason = { kind: "facts", text: (on ? w("added") : w("removed")) + ": " + fact.reading };
    loadInterview().then(ask).catch((e) => showErrors($("errors"), e));
  }

  // ---------------------------------------------------------------- the date: change days marked
  async function loadTimeline() {
    const data = await api("timeline", {});
    state.days = data.days;
    const days = $("change-days");
    days.replaceChildren();
    for (const d of data.days) {
      const b = el("button", { type: "button", class: "change-day" + (d.amends ? " amends" : ""), "data-date": d.date,
                               title: d.came_into_force.concat(d.ceased, d.overdue).join(", "), text: dateText(d.date) });
      b.addEventListener("click", () => setDate(d.date));
      days.append(b, " ");
    }
    // the comparisons start around the first day the law in force changed (from the kb, never written here)
    const first = data.days.find((d) => d.amends) || data.days[data.days.length - 1];
    if (first) {
      for (const [id, value] of [["diff-from", dayBefore(first.date)], ["diff-to", first.date],
                                 ["cases-at", dayBefore(first.date)], ["cases-compare", first.date]]) if (!isoOf(id)) showDate($(id), value);
    }
    markDays();
  }
  function markDays() {
    for (const b of document.querySelectorAll(".change-day")) {
      b.classList.toggle("current", b.dataset.date === isoOf("at"));
      b.textContent = dateText(b.dataset.date);
    }
    $("at-text").textContent = dateText(isoOf("at"));
  }
  function setDate(iso) {
    state.reason = { kind: "date", from: isoOf("at"), to: iso };
    showDate($("at"), iso);
    markDays();
    ask();
  }
  function shift(days) {
    const d = new Date(isoOf("at") + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    setDate(d.toISOString().slice(0, 10));
  }

  // ---------------------------------------------------------------- asking and the answers
  function question() {
    const saved = $("saved").value;
    if (saved) {
      const args = $("query").value.trim().split(/\s+/).filter(Boolean);
      return { question: saved, args: args };
    }
    return { query: $("query").value };
  }
  async function ask() {
    const body = Object.assign({ lang: state.lang, at: isoOf("at") }, question(), caseBody());
    state.askedAt = body.at;
    if ($("reading").value && !body.question && /^\s*(\w+\s+)?\w+\s*\(/.test(body.query || "")) body.reading = $("reading").value;
    const reason = state.reason;   // why this question is asked again (a date moved, a fact ticked), if it is
    state.reason = null;
    $("errors").replaceChildren();
    $("answers").classList.add("working");
    const ticket = ++state.asked;
    let doc;
    try { doc = await api("ask", body); }
    catch (e) { if (ticket === state.asked) { showErrors($("errors"), e); $("answers").classList.remove("working"); } return; }
    if (ticket !== state.asked) return;   // a later question was asked meanwhile: its answer is the one shown
    state.doc = doc;
    $("answers").classList.remove("working");
    if (doc.changes) { view("diff"); renderDiff($("diff"), doc); $("answers").classList.remove("working"); return; }   // "what changed between ..."
    $("question-title").textContent = (doc.question ? doc.title : (doc.title ? doc.title + " — " : "") + doc.query) + " · " + dateText(doc.at);
    const before = state.prev;     // the answers on the screen until now
    const now = {};
    for (const a of doc.answers) now[a.atom] = a.status;
    state.statusLabels = state.statusLabels || {};
    for (const a of doc.answers) if (a.trace && a.trace.status_label) state.statusLabels[a.status] = a.trace.status_label;
    const changed = before ? doc.answers.filter((a) => before[a.atom] !== undefined && before[a.atom] !== a.status) : [];
    renderAnswers(doc, before);
    state.prev = now; state.prevAt = doc.at;
    await explainChange(changed, before, reason, doc.query, ticket);
  }
  async function explainChange(changed, before, reason, query, ticket) {
    const note = $("change-note");
    note.replaceChildren();
    if (!changed.length || !reason) return;
    const head = el("p", { class: "change-reason" },
                    el("b", { text: reason.kind === "date" ? w("because of date") + ": " + dateText(reason.from) + " → " + dateText(reason.to)
                                                             : w("because of facts") }),
                    reason.kind === "facts" ? " — " + reason.text : "");
    // which answers changed, each "before → now" in the direction of the move; a click shows its card
    const list = el("ul", { class: "changed-list" }, ...changed.map((a) => {
      const link = el("a", { href: "#", class: "changed-atom", "data-atom": a.atom }, el("code", { text: a.atom }));
      link.addEventListener("click", (ev) => { ev.preventDefault(); cardOf(a.atom).scrollIntoView({ block: "center" }); });
      return el("li", {}, link, ": ", status(before[a.atom], label(before[a.atom])), " → ", status(a.status, label(a.status)));
    }));
    note.append(head, el("p", {}, w("answers changed") + " (" + changed.length + "):"), list);
    const first = cardOf(changed[0].atom);
    if (first) first.scrollIntoView({ block: "center" });   // the changed answer may be far below the fold
    if (reason.kind === "date") {
      try {
        // in the direction of the move, so that the sentence agrees with "now, was" on the card
        const d = await api("diff", Object.assign({}, caseBody(), { lang: state.lang, query: query,
                                                                     from: reason.from, to: reason.to }));
        if (ticket !== state.asked) return;
        for (const c of d.changes) {
          const card = document.querySelector(`.answer[data-atom="${CSS.escape(c.atom)}"] .why-changed`);
          if (card) card.replaceChildren(el("span", { text: c.explanation }));
        }
      } catch (e) { /* the diff is a help; the highlighted answers stand without it */ }
    } else {
      for (const a of changed) {
        const card = document.querySelector(`.answer[data-atom="${CSS.escape(a.atom)}"] .why-changed`);
        if (card) card.replaceChildren(el("span", { text: reason.text }));
      }
    }
  }
  function label(s) { return (state.statusLabels && state.statusLabels[s]) || w("status " + s); }
  function cardOf(atom) { return document.querySelector(`.answer[data-atom="${CSS.escape(atom)}"]`); }
  function renderAnswers(doc, before) {
    const box = $("answers");
    box.replaceChildren();
    if (!doc.answers.length) box.append(el("p", { class: "muted", text: w("no answers") }));
    for (const a of doc.answers) {
      const t = a.trace;
      const was = before && before[a.atom] !== undefined && before[a.atom] !== a.status ? before[a.atom] : null;
      const card = el("article", { class: "answer" + (was ? " changed" : ""), "data-atom": a.atom });
      const header = el("header", {}, status(a.status, t.status_label), " ", el("code", { text: a.atom }));
      if (was) header.append(" ", el("span", { class: "was" }, w("was") + " ", status(was, label(was))));
      card.append(header);
      if (t.reading) card.append(el("p", { class: "reading", text: t.reading }));
      card.append(el("p", { class: "summary", text: t.summary.text }));
      if (was) card.append(el("p", { class: "why-changed" }));
      if (a.according_to && a.according_to.length) card.append(according(doc, a));
      const toolbar = el("div", { class: "steps-toolbar" });
      const next = el("button", { type: "button", class: "next-step", text: w("next step") });
      const all = el("button", { type: "button", class: "all-steps", text: w("all steps") });
      toolbar.append(next, all);
      const tree = derivation(t);
      card.append(toolbar, tree);
      if (a.status !== "permitted" && a.status !== "obligatory" && a.status !== "holds") {
        const how = el("button", { type: "button", class: "how", text: w("how") });
        const out = el("div", { class: "how-sets" });
        how.addEventListener("click", () => howFor(a.atom, out));
        toolbar.append(how);
        card.append(out);
      }
      const steps = () => Array.from(tree.querySelectorAll(".step"));
      const hideAll = () => steps().forEach((s) => s.classList.add("hidden"));
      hideAll();
      next.addEventListener("click", () => { const s = steps().find((x) => x.classList.contains("hidden"));
                                             if (s) { s.classList.remove("hidden"); s.classList.add("just"); setTimeout(() => s.classList.remove("just"), 800); } });
      all.addEventListener("click", () => steps().forEach((s) => s.classList.remove("hidden")));
      box.append(card);
    }
  }

  // A question citing a provision ("согласно подп. 2) ч. 1 ст. 12 Кодекса", "according to code 12.1.2"): what its norms
  // did in this answer (the answer's `according_to`, engine/tools/according.py), in the sentences `zan ask` says
  // (engine/explain/render/as_according.py: its templates are the page's words "according heading", "fate ...").
  const UNSAID = new Set(["not used", "other atom"]);   // said in JSON only, as the CLI's text leaves them out
  function fill(template, values) {
    return template.replace(/\{(\w+)(?::[^}]*)?\}/g, (whole, key) => (key in values ? values[key] : whole));
  }
  function citedName(ref) {
    if (!ref) return "…";
    const where = ref.cited_as || ref.citation;
    return where && where !== ref.id ? ref.id + " (" + where + ")" : ref.id;
  }
  function fateSentence(s) {
    const values = { norm: citedName(s) };
    if (s.fate === "defeated" || s.fate === "interpreted") { values.by = citedName(s.by); values.principle = s.principle || ""; }
    if (s.fate === "basis") values.of = (s.of || []).join(", ");
    const text = fill(w("fate " + s.fate), values);
    return s.fate === "not applied" && s.why ? text + ": " + s.why : text;
  }
  // side: a side of a changed answer, said after the heading (its date, or its reading when two readings are compared)
  function according(doc, a, side) {
    const cited = ((doc.question && doc.question.according_to) || []).map((c) => c.cited_as || c.citation).join(", ") || "…";
    const title = fill(w("according heading"), { citation: cited }) + (side ? " (" + side + ")" : "");
    const said = a.according_to.filter((s) => !UNSAID.has(s.fate));
    const items = said.length ? said.map((s) => el("li", { class: "fate", "data-norm": s.id, "data-fate": s.fate, text: fateSentence(s) }))
                              : [el("li", { class: "fate none", text: w("fate none") })];
    return el("section", { class: "according" }, el("h3", { text: title.slice(0, 1).toUpperCase() + title.slice(1) + ":" }),
              el("ul", {}, ...items));
  }

  // The derivation as a tree of steps, each revealable on its own: facts and conditions, the norm with its
  // citation and quote, the defeated norms with the principle, the why-nots.
  // JSON schema 2: norms are described once in doc.norms, derived conditions proved once in doc.proofs.
  function full(ref) { return ref && state.doc && state.doc.norms && state.doc.norms[ref.id] ? state.doc.norms[ref.id] : ref; }
  function normLine(ref) {
    ref = full(ref);
    if (!ref) return el("span", {});
    return el("span", { class: "norm" }, el("b", { text: ref.citation || ref.id }), " ", el("span", { class: "muted", text: ref.id }));
  }
  function quote(ref) {
    ref = full(ref);
    return ref && ref.quote ? el("blockquote", { class: "quote", text: "«" + ref.quote.replace(/\s+/g, " ") + "»" }) : null;
  }
  // seen: the derived conditions already proved in this card, numbered as the CLI numbers them ([1], [2], ...):
  // a condition met again (under another why-not) says "see [n] above" instead of repeating its proof
  function node(c, depth, seen) {
    depth = depth || 0;
    const proof = c.kind === "rule" && state.doc && state.doc.proofs ? state.doc.proofs[c.id] : null;
    if (proof) c = Object.assign({}, c, { norm: proof.norm, bindings: proof.bindings, conditions: proof.conditions });
    const li = el("li", { class: "step " + c.kind });
    const derived = c.kind === "rule" && c.id && seen;
    const number = derived && seen.has(c.id) ? seen.get(c.id) : null;
    if (derived && number === null) seen.set(c.id, seen.size + 1);
    li.append(el("span", { class: "ok", text: "✓ " }));
    if (derived) li.append(el("span", { class: "muted", text: "[" + seen.get(c.id) + "] " }));
    li.append(el("code", { class: "atom", text: c.atom }));
    if (c.reading) li.append(" — ", el("span", { class: "reading", text: c.reading }));
    if (number !== null) { li.classList.add("repeat"); li.append(" ", el("span", { class: "muted see-above", text: w("see above") + " [" + number + "]" })); return li; }
    if (c.kind === "rule" && c.norm) li.append(" ", normLine(c.norm));
    if (c.source && c.kind === "fact") li.append(" ", el("span", { class: "muted", text: "(" + c.source + ")" }));
    if (c.repeat) li.append(" ", el("span", { class: "muted", text: "[" + c.id + "] ↑" }));
    if (c.conditions && c.conditions.length && depth < 40) li.append(el("ul", {}, ...c.conditions.map((x) => node(x, depth + 1, seen))));
    return li;
  }
  function whyNot(x, seen) {
    const li = el("li", { class: "step why-not" }, el("span", { class: "no", text: "✗ " }), el("span", { text: x.explanation || "" }));
    if (x.norm) li.append(quote(x.norm));
    if (x.decisive && x.decisive.sentence && x.decisive !== x.failed) li.append(el("p", { class: "decisive", text: x.decisive.sentence }));
    if (x.held && x.held.length) li.append(el("ul", {}, ...x.held.map((h) => node(h, 0, seen))));
    return li;
  }
  // The steps, in the CLI's order (engine/explain/render/as_text.py): the deciding norm and its conditions,
  // the norms it rests on, the binding interpretations it is read in, the defeated norms, the why-nots.
  function derivation(t) {
    const root = el("ul", { class: "derivation" });
    const seen = new Map();
    const d = t.decided_by;
    if (d) {
      const dn = full(d);
      const li = el("li", { class: "step decided" }, el("b", { text: t.status_label + ": " }), normLine(d));
      li.append(quote(d));
      if (dn.interpretation) li.append(el("p", { class: "interpretation", text: dn.interpretation }));
      if (d.conditions && d.conditions.length) li.append(el("ul", {}, ...d.conditions.map((x) => node(x, 0, seen))));
      root.append(li);
      if (d.rests_on && d.rests_on.length) {
        root.append(el("li", { class: "step rests-on" }, el("b", { text: w("rests on") + ":" }),
                       el("ul", {}, ...d.rests_on.map((r) => el("li", {}, normLine(r), quote(r))))));
      }
    } else if (t.proof) {
      root.append(node(t.proof, 0, seen));
    }
    for (const x of t.interpreted || []) {
      const li = el("li", { class: "step interpreted" }, el("b", { text: w("interpreted") + ": " }), normLine(x.norm), " — ",
                    el("span", { class: "principle", text: x.explanation }));
      for (const r of x.see || []) li.append(el("p", { class: "see" }, w("see") + " ", normLine(r)), quote(r));
      root.append(li);
    }
    for (const x of t.defeated || []) {
      const li = el("li", { class: "step defeat" }, el("span", { class: "defeat-mark", text: "⚔ " }), normLine(x.norm), " — ",
                    el("span", { class: "principle", text: x.explanation }));
      li.append(quote(x.norm));
      root.append(li);
    }
    if (t.explanation) root.append(el("li", { class: "step", text: t.explanation }));
    for (const x of t.why_not || []) root.append(whyNot(x, seen));
    return root;
  }

  // "What would make it so": minimal sets of facts that, added to the case, make the answer permitted (zan ask --how).
  async function howFor(atom, out) {
    const body = Object.assign({ lang: state.lang, at: isoOf("at"), query: atom, how: "permitted" }, caseBody());
    if ($("reading").value) body.reading = $("reading").value;
    try {
      const doc = await api("how", body);
      const sets = doc.answers.length ? doc.answers[0].how : [];
      const read = doc.answers.length ? (doc.answers[0].how_read || []) : [];
      if (!sets.length) { out.replaceChildren(el("p", { class: "muted", text: w("how none") })); return; }
      // each fact in the reader's words (persons named as the case names them), its atom in code
      out.replaceChildren(el("p", {}, el("b", { text: w("how") })),
                          el("ol", {}, ...sets.map((set, k) => el("li", {}, w("how add") + ": ",
                            ...set.map((f, i) => {
                              const words = (read[k] || [])[i] || (state.readingOf && state.readingOf[f]);
                              return el("span", {}, i ? "; " : "", words && words !== f ? words + " " : "", el("code", { text: f }));
                            })))));
    } catch (e) { showErrors(out, e); }
  }

  // ---------------------------------------------------------------- the case space (zan cases): decision tables
  function cited(n) { return n ? (n.cited_as || n.citation || n.id) : "—"; }
  async function showCases() {
    const box = $("cases");
    box.replaceChildren(el("p", { class: "muted", text: w("working") }));
    const body = { lang: state.lang, at: isoOf("cases-at") || isoOf("at"), query: $("cases-query").value };
    if (isoOf("cases-compare")) body.compare = isoOf("cases-compare");
    const given = $("cases-given").value.split(";").map((x) => x.trim()).filter(Boolean);
    if (given.length) body.given = given;
    if ($("reading").value) body.reading = $("reading").value;
    try {
      // a question in words that names no one is answered in general: the conditions per status, then the tables
      const general = !/\(/.test(body.query);
      // a general question's tables are of one date (/api/general compares nothing): no column of a compared date
      if (general) delete body.compare;
      const d = general ? await api("general", { lang: state.lang, at: body.at, query: body.query, reading: body.reading })
                        : await api("cases", body);
      const order = new Map(d.dimensions.map((x, i) => [x, i]));
      const groups = [];
      d.rows.forEach((r, k) => {
        if (!groups.length || groups[groups.length - 1].atom !== r.atom) groups.push({ atom: r.atom, read: r.atom_read, rows: [], columns: new Map() });
        const g = groups[groups.length - 1];
        g.rows.push([k + 1, r]);
        r.holds.forEach((x, i) => g.columns.set(x, (r.holds_read || r.holds)[i]));
        r.absent.forEach((x, i) => g.columns.set(x, (r.absent_read || r.absent)[i]));
      });
      const parts = [el("h2", {}, el("code", { text: d.query }), " · " + dateText(d.at) + (body.compare ? " ↔ " + dateText(body.compare) : ""))];
      for (const [a, r] of (d.given || []).map((x, i) => [x, (d.given_read || [])[i]])) parts.push(el("p", { class: "muted" }, w("given") + ": " + (r || a) + " ", el("code", { text: a })));
      for (const c of d.conditions || []) {
        parts.push(el("section", { class: "conditions" }, el("h3", { text: c.atom_read }),
                      el("ul", {}, ...c.lines.map((x) => el("li", { text: x.trim() })))));
      }
      for (const g of groups) {
        const columns = [...g.columns.entries()].sort((x, y) => (order.get(x[0]) ?? 1e9) - (order.get(y[0]) ?? 1e9));
        const head = el("tr", {}, el("th", { text: "#" }), ...columns.map(([a, r], i) => el("th", { title: r, text: String(i + 1) })),
                        el("th", { text: w("status") + (body.compare ? " (" + dateText(body.at) + ")" : "") }),
                        ...(body.compare ? [el("th", { class: "compared", text: w("status") + " (" + dateText(body.compare) + ")" })] : []),
                        el("th", { text: w("deciding") }));
        const tbody = el("tbody");
        for (const [k, r] of g.rows) {
          const cells = columns.map(([a]) => el("td", { class: "cell", text: r.holds.includes(a) ? w("cell yes") : r.absent.includes(a) ? w("cell no") : "–" }));
          let text = label(r.status);
          if (r.otherwise) text = w("otherwise") + ": " + text;
          const was = body.compare ? [el("td", {}, r.compared ? status(r.compared.status, label(r.compared.status)) : "—")] : [];
          let deciding = r.outside_scope ? w("outside scope") + ": " + r.outside_scope.cited_as.join("; ") : cited(r.deciding);
          if (r.compared && (r.compared.deciding || {}).id !== (r.deciding || {}).id) deciding += " → " + cited(r.compared.deciding);
          tbody.append(el("tr", { class: r.compared && r.compared.status !== r.status ? "changed" : null },
                          el("td", { text: String(k) }), ...cells, el("td", {}, status(r.status, text)), ...was,
                          el("td", { text: deciding })));
        }
        parts.push(el("h3", { text: g.read || g.atom }), el("p", { class: "muted", text: w("first hit") }),
                   el("table", { class: "case-space decision-table" }, el("thead", {}, head), tbody),
                   el("ol", { class: "legend" }, ...columns.map(([a, r]) => el("li", {}, r + " ", el("code", { text: a })))));
      }
      // a provision cited in the question: what its norms did in each row's case (the rows' `according_to`)
      const judged = d.rows.map((r, k) => [k + 1, r]).filter(([, r]) => Array.isArray(r.according_to));
      if (judged.length) {
        const cites = ((d.question && d.question.according_to) || []).map((c) => c.cited_as || c.citation).join(", ") || "…";
        const title = fill(w("according heading"), { citation: cites });
        parts.push(el("section", { class: "according rows" }, el("h3", { text: title.slice(0, 1).toUpperCase() + title.slice(1) + ":" }),
                      el("ul", {}, ...judged.map(([k, r]) => {
                        const said = r.according_to.filter((x) => !UNSAID.has(x.fate));
                        return el("li", { "data-row": String(k) }, k + ". ", el("code", { text: r.atom }), ": " + label(r.status),
                                  el("ul", {}, ...(said.length ? said.map((x) => el("li", { class: "fate", "data-fate": x.fate, text: fateSentence(x) }))
                                                               : [el("li", { class: "fate none", text: w("fate none") })])));
                      }))));
      }
      const scopes = new Map();
      for (const i of d.outside_scope || []) { const s = d.rows[i].outside_scope; scopes.set(s.cited_as.join("; "), s.label); }
      for (const [c, said] of scopes) parts.push(el("p", { class: "scope" }, el("b", { text: w("outside scope") + " (" + c + "): " }), said));
      for (const key of ["gaps", "conflicts"]) {
        if (d[key] && d[key].length) parts.push(el("h3", { text: w(key) + ": " + d[key].length }));
      }
      box.replaceChildren(...parts);
    } catch (e) { showErrors(box, e); }
  }

  // ---------------------------------------------------------------- the date diff
  async function compare() {
    const versus = $("diff-versus").value;
    // two readings (the answers' and the one chosen here) on the date "to", or two dates under the answers' reading
    const body = Object.assign({ lang: state.lang, query: $("query").value },
                               versus ? { versus_reading: versus, at: isoOf("diff-to") } : { from: isoOf("diff-from"), to: isoOf("diff-to") },
                               $("reading").value ? { reading: $("reading").value } : {}, caseBody());
    const box = $("diff");
    try {
      renderDiff(box, await api("diff", body));
    } catch (e) { showErrors(box, e); }
  }
  function renderDiff(box, d) {
    {
      // "what changed on D?" of every question the law can be asked: the question said back, then each question's changes
      const every = Array.isArray(d.questions) && d.questions.length > 0;
      // two readings on one day (the document's `sides`): the title says which, not the one date twice
      box.replaceChildren(el("h2", {}, every ? ((d.question && d.question.in_words) || "") : el("code", { text: d.query }),
                             d.sides ? " · " + d.title : " " + dateText(d.from) + " → " + dateText(d.to)));
      let asked = null;
      for (const c of d.changes) {
        if (every && c.question !== asked) {
          asked = c.question;
          box.append(el("h3", { class: "question" }, el("code", { text: c.question })));
        }
        const card = el("article", { class: "answer changed", "data-atom": c.atom },
                        el("header", {}, el("code", { text: c.atom }), " ",
                           status(c.before ? c.before.status : "absent", c.before ? c.before.trace.status_label : "—"), " → ",
                           status(c.after ? c.after.status : "absent", c.after ? c.after.trace.status_label : "—")),
                        el("p", { class: "summary", text: c.explanation }));
        for (const cause of c.causes) {
          const p = el("div", { class: "cause" }, el("span", { text: cause.explanation }));
          if (cause.primary && cause.norm) p.append(quote(cause.norm));
          card.append(p);
        }
        // a provision cited in the question: what its norms did at each date (the change's `according_to`)
        if (c.according_to && !Array.isArray(c.according_to)) {
          for (const [side, day] of [["before", d.from], ["after", d.to]]) {
            const named = !d.sides ? dateText(day) : d.from === d.to ? d.sides[side] : d.sides[side] + ", " + dateText(day);
            if (c.according_to[side]) card.append(according(d, { according_to: c.according_to[side] }, named));
          }
        }
        box.append(card);
      }
      if (d.unchanged) box.append(el("p", { class: "muted unchanged", text: d.unchanged }));
      if (d.stopped) box.append(el("p", { class: "muted stopped", text: d.stopped.explanation }));
      if (!d.changes.length && !d.unchanged) box.append(el("p", { class: "muted", text: "—" }));
    }
  }

  // ---------------------------------------------------------------- exercises
  function exerciseParams() {
    return { count: parseInt($("ex-count").value || "3", 10), seed: parseInt($("ex-seed").value || "0", 10),
             topic: $("ex-topic").value.trim() || null, level: parseInt($("ex-level").value, 10), lang: state.lang,
             source: $("ex-source").value };
  }
  async function generate() {
    const p = exerciseParams();
    const box = $("exercises");
    box.replaceChildren(el("p", { class: "muted", text: w("working") }));
    try {
      const sheet = await api("exercises", p);
      state.sheet = sheet;
      const q = new URLSearchParams(Object.entries(p).filter(([, v]) => v !== null));
      $("ex-sheet").href = "/sheet?" + q.toString();
      $("ex-json").href = URL.createObjectURL(new Blob([JSON.stringify(sheet, null, 2)], { type: "application/json" }));
      box.replaceChildren(...sheet.exercises.map(exercise));
    } catch (e) { showErrors(box, e); }
  }
  function exercise(e) {
    const form = el("form", { class: "exercise", "data-number": e.number });
    form.append(el("h3", { text: w("exercise") + " " + e.number }),
                el("ul", { class: "story" }, ...e.case.story.map((s) => el("li", { text: s }))),
                el("p", { class: "asked-on", "data-date": e.at, text: w("asked on") + ": " + dateText(e.at) }), el("p", {}, el("b", { text: e.question })));
    for (const part of ["status", "norm", "defeated", "principle"]) {
      if (!e.choices[part]) continue;
      const fs = el("fieldset", {}, el("legend", { text: w("pick " + part) }));
      e.choices[part].forEach((c, i) => {
        const input = el("input", { type: "radio", name: part, value: String(i) });
        fs.append(el("label", { class: "choice" }, input, " " + c.label));
      });
      form.append(fs);
    }
    const result = el("div", { class: "grade" });
    const check = el("button", { type: "submit", text: w("check") });
    form.append(check, result);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const response = {};
      for (const part of Object.keys(e.answer)) {
        const chosen = form.querySelector(`input[name="${part}"]:checked`);
        response[part] = chosen ? e.choices[part][parseInt(chosen.value, 10)].value : "";
      }
      try {
        const g = await api("grade", { exercise: e, response: response, lang: state.lang });
        result.className = "grade " + (g.correct ? "right" : "wrong");
        result.replaceChildren(...g.explanation.map((s) => el("p", { text: s })));
      } catch (err) { showErrors(result, err); }
    });
    return form;
  }

  // ---------------------------------------------------------------- language, views, printing
  function relabel() {
    document.documentElement.lang = state.lang;
    for (const e of document.querySelectorAll("[data-w]")) e.textContent = w(e.dataset.w);
    for (const e of document.querySelectorAll("[data-wp]")) e.placeholder = w(e.dataset.wp);
    for (const e of document.querySelectorAll("[data-wt]")) e.title = w(e.dataset.wt);
    relabelDates();
    document.title = w("title");
  }
  async function loadQuestions() {
    const data = await api("questions", { lang: state.lang });
    const sel = $("saved"), keep = sel.value;
    sel.replaceChildren(el("option", { value: "" }));
    for (const q of data.questions) sel.append(el("option", { value: q.name, text: q.name + ": " + (q.title || q.asks) }));
    sel.value = keep;
  }
  async function loadReadings() {
    const data = await api("readings", { lang: state.lang });
    const sel = $("reading"), keep = sel.value;
    sel.replaceChildren(el("option", { value: "", "data-w": "default readings", text: w("default readings") }));
    for (const r of data.readings) sel.append(el("option", { value: r.name, text: r.label + (r.default ? " ✓" : "") }));
    sel.value = keep;
    const versus = $("diff-versus"), other = versus.value;
    versus.replaceChildren(el("option", { value: "", "data-w": "versus none", text: w("versus none") }));
    for (const r of data.readings) versus.append(el("option", { value: r.name, text: r.label }));
    versus.value = other;
  }
  function view(name) {
    for (const b of document.querySelectorAll(".tabs [data-view]")) b.classList.toggle("active", b.dataset.view === name);
    for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== "view-" + name;
  }
  function revealAll() { document.querySelectorAll(".step.hidden").forEach((s) => s.classList.remove("hidden")); }

  $("lang").addEventListener("change", async () => {
    state.lang = $("lang").value;
    state.statusLabels = {};   // the status words of the language left behind are not this page's ("was permitted")
    relabel();
    markDays();
    await Promise.all([loadInterview(), loadQuestions(), loadReadings()]);
    state.prev = null;
    await ask();
    if (state.sheet) generate();
  });
  $("case").addEventListener("change", async () => {
    state.edited = !$("case").value;
    state.prev = null;
    state.known = new Set();   // another case: its own persons
    await loadInterview();
    await ask();
  });
  let typing = null;
  $("facts").addEventListener("input", () => {
    state.edited = true;
    clearTimeout(typing);
    typing = setTimeout(() => { state.reason = { kind: "facts", text: "" }; loadInterview().then(ask).catch((e) => showErrors($("errors"), e)); }, 600);
  });
  $("interview-search").addEventListener("input", filterFacts);
  $("upload").addEventListener("change", () => {
    const file = $("upload").files[0];
    if (!file) return;
    file.text().then((text) => { $("facts").value = text; state.edited = true; $("case").value = ""; state.known = new Set();
                                 loadInterview().then(ask).catch((e) => showErrors($("errors"), e)); });
  });
  // a date set by a button may fire "change" again when the field loses focus: the same day is not asked twice
  // the date typed (or moved by ↑ ↓) in the field: the same day is not asked twice
  dateField($("at"), () => { if (isoOf("at") === state.prevAt || isoOf("at") === state.askedAt) return; state.reason = { kind: "date", from: state.prevAt, to: isoOf("at") }; markDays(); ask(); });
  for (const id of ["diff-from", "diff-to", "cases-at", "cases-compare"]) dateField($(id));
  $("day-before").addEventListener("click", () => shift(-1));
  $("day-after").addEventListener("click", () => shift(1));
  $("ask").addEventListener("click", () => { state.prev = null; ask(); });
  $("query").addEventListener("keydown", (e) => { if (e.key === "Enter") { state.prev = null; ask(); } });
  $("saved").addEventListener("change", () => { if ($("saved").value) $("query").value = ""; });
  $("compare").addEventListener("click", compare);
  $("diff-versus").addEventListener("change", () => { $("diff-from").disabled = !!$("diff-versus").value; });
  $("reading").addEventListener("change", () => { state.reason = { kind: "facts", text: w("reading") + ": " + $("reading").selectedOptions[0].textContent }; ask(); });
  $("cases-show").addEventListener("click", showCases);
  $("ex-generate").addEventListener("click", generate);
  $("print").addEventListener("click", () => { revealAll(); window.print(); });
  window.addEventListener("beforeprint", revealAll);
  for (const b of document.querySelectorAll(".tabs [data-view]")) b.addEventListener("click", () => view(b.dataset.view));

  // the page asks the question it opens with (the project's page_question), if it has one
  Promise.all([loadTimeline(), loadQuestions(), loadInterview(), loadReadings()])
    .then(() => ($("query").value.trim() ? ask() : null)).catch((e) => showErrors($("errors"), e));
  window.zan = { ask, state, revealAll };
})();
