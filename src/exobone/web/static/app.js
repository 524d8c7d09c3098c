// exobone's own front-end code: evidence toggles, the clickable evidence map and the
// Plotly mechanism graph. Data comes from <script type="application/json"> blocks; every
// text is inserted with textContent, never as HTML.
"use strict";

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function readJson(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

function studyList(studies) {
  const list = el("ul", null, { class: "studies" });
  for (const s of studies) {
    const item = el("li");
    const link = el("a", s.label + (s.title ? ": " + s.title : ""));
    if (s.record_id !== null) link.href = "/study/" + encodeURIComponent(s.label);
    item.appendChild(link);
    list.appendChild(item);
  }
  return list;
}

// Study page: hide or show the highlights of one field.
document.querySelectorAll("input[data-toggle]").forEach((box) => {
  box.addEventListener("change", () => {
    document.querySelectorAll("mark.ev").forEach((mark) => {
      if (mark.dataset.fields.split(" ").includes(box.dataset.toggle)) {
        mark.classList.toggle("off-" + box.dataset.toggle, !box.checked);
        const hidden = mark.dataset.fields.split(" ").every((f) => mark.classList.contains("off-" + f));
        mark.classList.toggle("hidden", hidden);
      }
    });
  });
});

// Evidence map: a click on a cell lists its studies.
const mapCells = readJson("map-data");
if (mapCells) {
  const panel = document.getElementById("cell-panel");
  const show = (td) => {
    const cell = mapCells[Number(td.dataset.cell)];
    document.querySelectorAll("td.cell.selected").forEach((n) => n.classList.remove("selected"));
    td.classList.add("selected");
    panel.replaceChildren(
      el("h3", cell.row + " × " + cell.col),
      el("p", cell.n + " studies · " + cell.better + " better · " + cell.worse + " worse · "
        + cell.no_change + " same · " + cell.unrated + " unrated"),
      studyList(cell.studies),
      el("a", "Open these " + cell.n + " studies in search", { id: "cell-search", href: cell.search }),
    );
  };
  document.querySelectorAll("td.cell").forEach((td) => {
    td.addEventListener("click", () => show(td));
    td.addEventListener("keydown", (e) => { if (e.key === "Enter") show(td); });
  });
}

// Mechanism graph: Plotly network; a click on an edge midpoint or an edge row shows evidence.
const graph = readJson("graph-data");
if (graph) {
  const panel = document.getElementById("edge-panel");
  const showEdge = (index) => {
    const edge = graph.edges[index];
    if (!edge) return;
    const quotes = el("div", null, { class: "quotes" });
    for (const ev of edge.evidence) {
      const q = el("blockquote", ev.sentence);
      const by = el("a", ev.label);
      if (ev.record_id !== null) by.href = "/study/" + encodeURIComponent(ev.label);
      const cite = el("cite", "— ");
      cite.appendChild(by);
      q.appendChild(cite);
      quotes.appendChild(q);
    }
    panel.replaceChildren(
      el("h3", edge.source + " —" + edge.relation + "→ " + edge.target),
      el("p", "belief " + edge.belief.toFixed(2) + " · " + edge.n_studies + " studies" + (edge.inferred ? " · inferred" : "")),
      studyList(edge.studies),
      quotes,
    );
  };
  document.querySelectorAll("tr.edge-row").forEach((row) => {
    row.addEventListener("click", () => showEdge(Number(row.dataset.edge)));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") showEdge(Number(row.dataset.edge)); });
  });
  const box = document.getElementById("graph");
  if (window.Plotly && box) {
    const layout = {
      margin: { l: 10, r: 10, t: 10, b: 10 },
      xaxis: { visible: false }, yaxis: { visible: false },
      hovermode: "closest", showlegend: true, legend: { orientation: "h" },
    };
    window.Plotly.newPlot(box, graph.traces, layout, { displaylogo: false, responsive: true })
      .then(() => {
        box.dataset.ready = "1";
        box.on("plotly_click", (event) => {
          const point = event.points[0];
          if (point && typeof point.customdata === "number") showEdge(point.customdata);
        });
      });
  }
}

// Study page: why each highlighted value was given there, fetched on the first hover (it
// runs the extractor again, so a page view alone does not ask for it).
const highlighted = document.querySelectorAll("#title mark.ev, #abstract mark.ev");
const study = location.pathname.match(/^\/study\/([^/]+)$/);
if (highlighted.length && study) {
  let asked = false;
  const explain = async () => {
    if (asked) return;
    asked = true;
    const response = await fetch("/api/studies/" + study[1] + "/reasons");
    if (!response.ok) return;
    const reasons = await response.json();
    highlighted.forEach((mark) => {
      const section = mark.closest("#title") ? "title" : "abstract";
      const at = Number(mark.dataset.at);
      mark.title = mark.title.split("\n").map((line) => {
        const found = reasons.find((r) => line === r.field + ": " + r.value
          && r.section === section && r.start <= at && at < r.end && r.reason);
        return found ? line + " (" + found.reason + ")" : line;
      }).join("\n");
    });
  };
  for (const id of ["title", "abstract"]) {
    const box = document.getElementById(id);
    if (box) {
      box.addEventListener("mouseover", explain);
      box.addEventListener("focusin", explain);
    }
  }
}

// Review queue: j/k move, a accepts, r rejects, e edits the current value (Enter saves).
const reviewItems = Array.from(document.querySelectorAll("li.review-item"));
if (reviewItems.length) {
  let current = 0;
  const focus = (index) => {
    current = Math.max(0, Math.min(reviewItems.length - 1, index));
    reviewItems.forEach((item, i) => item.classList.toggle("current", i === current));
    reviewItems[current].focus({ preventScroll: true });
    reviewItems[current].scrollIntoView({ block: "nearest" });
  };
  const press = (action) => {
    const button = reviewItems[current].querySelector(`button[value="${action}"]`);
    if (button) button.click();
  };
  reviewItems.forEach((item, i) => item.addEventListener("click", () => focus(i)));
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.matches && event.target.matches("input, select, textarea");
    if (typing) {
      if (event.key === "Escape") { event.target.blur(); focus(current); }
      return;  // Enter in the edit box submits its form as "edit" (see below)
    }
    const keys = { j: () => focus(current + 1), ArrowDown: () => focus(current + 1),
      k: () => focus(current - 1), ArrowUp: () => focus(current - 1),
      a: () => press("accept"), r: () => press("reject"),
      e: () => { const box = reviewItems[current].querySelector("input.new-value"); box.focus(); box.select(); } };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });
  // Enter in a corrected value saves it as an edit, not as the form's first button.
  document.querySelectorAll("li.review-item input.new-value").forEach((box) => {
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        box.closest("form").querySelector('button[value="edit"]').click();
      }
    });
  });
  focus(0);
}

// Upload job page: the progress is read from the job's status URL every second; a finished
// job's page is loaded again, and the server shows its result.
const jobBox = document.getElementById("job");
if (jobBox && ["queued", "running"].includes(jobBox.dataset.state)) {
  const set = (id, value) => { document.getElementById(id).textContent = value; };
  const poll = async () => {
    let job;
    try {
      const response = await fetch(jobBox.dataset.status, { headers: { Accept: "application/json" } });
      if (!response.ok) {
        set("job-state", "unknown (HTTP " + response.status + ")");
        return;
      }
      job = await response.json();
    } catch (error) {
      setTimeout(poll, 3000);  // the server may be restarting
      return;
    }
    if (job.state === "done" || job.state === "failed") {
      location.reload();
      return;
    }
    set("job-state", job.state);
    set("job-seconds", job.seconds === null ? "" : job.seconds + " s");
    for (const name of ["read", "extracted", "stored"]) set("job-" + name, job[name]);
    set("job-problem-count", job.problem_count);
    document.getElementById("job-problems").replaceChildren(...job.problems.map((p) => el("li", p.text)));
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
}
