// resolint batch report: sort and filter the table of files; show a rule's explanation beside a finding.
(function () {
  "use strict";
  const table = document.getElementById("file-table");
  const rows = table ? Array.from(table.tBodies[0].rows) : [];
  const sev = document.getElementById("f-sev"), min = document.getElementById("f-min"), rule = document.getElementById("f-rule");
  const shown = document.getElementById("shown-count");

  function filter() {
    const s = sev.value, m = parseInt(min.value || "0", 10), r = rule.value;
    let n = 0;
    for (const row of rows) {
      const ok = (!s || row.dataset.worst === s) && Number(row.dataset.n) >= m &&
                 (!r || row.dataset.rules.includes(" " + r + " "));
      row.hidden = !ok;
      if (ok) n += 1;
    }
    shown.textContent = String(n);
  }
  [sev, min, rule].forEach((el) => el && el.addEventListener("input", filter));
  [sev, rule].forEach((el) => el && el.addEventListener("change", filter));

  function sortBy(th) {
    const key = th.dataset.sort;
    const desc = !th.classList.contains("sorted-desc");
    table.querySelectorAll("th").forEach((h) => h.classList.remove("sorted-asc", "sorted-desc"));
    th.classList.add(desc ? "sorted-desc" : "sorted-asc");
    const value = (row) => key === "path" ? row.dataset.path : key === "worst" ? Number(row.dataset.rank) * 1e6 + Number(row.dataset.n)
                                         : Number(row.dataset[key] || 0);
    const sorted = rows.slice().sort((a, b) => {
      const x = value(a), y = value(b);
      const c = typeof x === "string" ? x.localeCompare(y) : x - y;
      return desc ? -c : c;
    });
    const body = table.tBodies[0];
    sorted.forEach((row) => body.appendChild(row));
  }
  if (table) table.querySelectorAll("th[data-sort]").forEach((th) => th.addEventListener("click", () => sortBy(th)));

  // A severity in the summary chart filters the table to the files whose worst finding has it.
  document.querySelectorAll("[data-filter-sev]").forEach((a) => a.addEventListener("click", () => {
    sev.value = a.dataset.filterSev; min.value = "0"; rule.value = ""; filter();
  }));

  // "Why": the rule's explanation, kept once per rule in the Rules section, copied in when opened.
  document.addEventListener("toggle", (event) => {
    const d = event.target;
    if (!(d instanceof HTMLDetailsElement) || !d.dataset.rule || !d.open) return;
    const pre = d.querySelector("pre.explain");
    const source = document.querySelector("#rule-" + CSS.escape(d.dataset.rule) + " pre.explain");
    if (pre && source && !pre.textContent) pre.textContent = source.textContent;
  }, true);
  window.resolintReport = { filter, sortBy };
})();
