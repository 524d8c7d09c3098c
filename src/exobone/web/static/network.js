// The mechanism graph as a Cytoscape.js network (the npm package, served by the app).
// Texts go into the panel with textContent only; Cytoscape draws labels on a canvas.
"use strict";

(function () {
  const box = document.getElementById("network");
  const source = document.getElementById("network-data");
  if (!box || !source || typeof cytoscape !== "function") return;
  const elements = JSON.parse(source.textContent);
  const panel = document.getElementById("network-panel");
  const colours = { source: "#2b6cb0", molecule: "#dd8a1f", phenotype: "#2f9e44" };
  const cy = cytoscape({
    container: box,
    elements: elements,
    style: [
      { selector: "node", style: {
        label: "data(label)", "font-size": 9, "text-wrap": "wrap", "text-max-width": 90,
        "background-color": (n) => colours[n.data("kind")] || "#888", width: 14, height: 14 } },
      { selector: "edge", style: {
        width: (e) => 1 + Math.min(e.data("n_studies"), 6), "curve-style": "bezier",
        "target-arrow-shape": "triangle", "arrow-scale": 0.9, opacity: 0.8,
        "line-color": (e) => e.data("sign") > 0 ? "#2f9e44" : e.data("sign") < 0 ? "#c92a2a" : "#999",
        "target-arrow-color": (e) => e.data("sign") > 0 ? "#2f9e44" : e.data("sign") < 0 ? "#c92a2a" : "#999",
        "line-style": (e) => e.data("inferred") ? "dashed" : "solid" } },
      { selector: ".faded", style: { display: "none" } },
      { selector: "edge.path", style: { "line-color": "#e67700", "target-arrow-color": "#e67700", width: 6, "z-index": 9 } },
      { selector: "node.path", style: { "border-width": 3, "border-color": "#e67700" } },
      { selector: "edge.contradiction", style: { "line-style": "dotted", width: 5, "z-index": 8 } },
      { selector: "node.added", style: { "border-width": 2, "border-style": "dashed", "border-color": "#555" } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#e0a000", "line-color": "#e0a000" } },
    ],
    layout: { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 400000,
      idealEdgeLength: () => 110, nodeOverlap: 20, gravity: 40, numIter: 1500 },
  });

  const link = (label) => {
    const a = document.createElement("a");
    a.textContent = label;
    a.href = "/study/" + encodeURIComponent(label);
    return a;
  };
  const text = (tag, value) => { const n = document.createElement(tag); n.textContent = value; return n; };

  const showEdge = (edge) => {
    const d = edge.data();
    const title = cy.getElementById(d.source).data("label") + " → " + d.relation + " → " + cy.getElementById(d.target).data("label");
    const items = [text("h3", title), text("p", d.n_studies + " studies, belief " + d.belief.toFixed(2) + (d.inferred ? ", inferred" : ""))];
    for (const ev of d.evidence) {
      const q = text("blockquote", ev.sentence);
      const cite = text("cite", "— ");
      cite.appendChild(link(ev.study_id));
      q.appendChild(cite);
      items.push(q);
    }
    panel.replaceChildren(...items);
    panel.dataset.shown = "edge";
  };

  const showNode = (node) => {
    const list = document.createElement("ul");
    list.className = "node-edges";
    node.connectedEdges(":visible").forEach((edge) => {
      const d = edge.data();
      const out = d.source === node.id();
      const other = cy.getElementById(out ? d.target : d.source).data("label");
      const item = text("li", (out ? "→ " + d.relation + " → " + other : other + " → " + d.relation + " →") + " (" + d.n_studies + ")");
      item.addEventListener("click", () => showEdge(edge));
      list.appendChild(item);
    });
    panel.replaceChildren(text("h3", node.data("label")), text("p", node.data("kind") + " · " + list.children.length + " edges shown"), list);
    panel.dataset.shown = "node";
  };

  cy.on("tap", "edge", (event) => showEdge(event.target));
  cy.on("tap", "node", (event) => showNode(event.target));

  const signs = Array.from(document.querySelectorAll("#sign-filter input[data-sign]"));
  const relation = document.getElementById("relation-filter");
  const filter = () => {
    const shown = new Set(signs.filter((b) => b.checked).map((b) => Number(b.dataset.sign)));
    const wanted = relation.value;
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const keep = shown.has(Math.sign(e.data("sign"))) && (!wanted || e.data("relation") === wanted);
        e.toggleClass("faded", !keep);
      });
      cy.nodes().forEach((n) => n.toggleClass("faded", n.connectedEdges().filter((e) => !e.hasClass("faded")).length === 0));
    });
    box.dataset.visibleEdges = String(cy.edges().filter((e) => !e.hasClass("faded")).length);
  };
  signs.forEach((b) => b.addEventListener("change", filter));
  relation.addEventListener("change", filter);
  filter();

  // Path and contradiction queries: the server answers them over the whole graph (of the
  // edges with the minimum number of studies), as `exobone graph` does; edges and nodes of
  // the answer that are not drawn yet are added to the drawing.
  const from = document.getElementById("path-from");
  const to = document.getElementById("path-to");
  const minStudies = box.dataset.minStudies || "1";
  const names = document.getElementById("node-names");
  const labels = new Set(cy.nodes().map((n) => n.data("label")));
  Array.from(labels).sort().forEach((l) => { const o = document.createElement("option"); o.value = l; names.appendChild(o); });
  const clear = () => cy.elements().removeClass("path contradiction");
  const label = (id) => cy.getElementById(id).data("label");
  const draw = (elements) => {
    const added = [];
    for (const node of elements.nodes) {
      if (cy.getElementById(node.data.id).empty()) added.push(cy.add({ group: "nodes", data: node.data }));
    }
    for (const edge of elements.edges) {
      if (cy.getElementById(edge.data.id).empty()) cy.add({ group: "edges", data: edge.data });
    }
    for (const node of added) {  // beside a drawn neighbour
      const near = node.neighborhood("node").filter((n) => !added.includes(n));
      const at = near.nonempty() ? near.first().position() : { x: 0, y: 0 };
      node.position({ x: at.x + 60 * (Math.random() - 0.5), y: at.y + 60 * (Math.random() - 0.5) });
      node.addClass("added");
    }
    box.dataset.addedNodes = String(cy.nodes(".added").length);
  };
  const ask = async (url, title) => {
    clear();
    panel.replaceChildren(text("h3", title), text("p", "Asking the server…"));
    panel.dataset.shown = "waiting";
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const answer = await response.json();
    if (!response.ok) {
      panel.replaceChildren(text("h3", title), text("p", String(answer.detail)));
      panel.dataset.shown = "query-error";
      return null;
    }
    draw(answer.elements);
    return answer;
  };
  const edgeStep = (id) => {
    const edge = cy.getElementById(id);
    const d = edge.data();
    const item = text("li", label(d.source) + " → " + d.relation + " → " + label(d.target) + " (" + d.n_studies + ")");
    item.addEventListener("click", () => showEdge(edge));
    return item;
  };
  document.getElementById("path-find").addEventListener("click", async () => {
    const title = "Path: " + from.value + " → " + to.value;
    const query = new URLSearchParams({ from: from.value, to: to.value, min_studies: minStudies });
    const answer = await ask("/api/network/path?" + query, title);
    if (answer === null) return;
    if (!answer.paths.length) {
      panel.replaceChildren(text("h3", title), text("p", "No directed path of at most " + answer.max_edges + " signed edges in the whole graph."));
      panel.dataset.shown = "no-path";
      return;
    }
    const best = answer.paths[0];
    best.edges.forEach((id) => {
      const edge = cy.getElementById(id);
      edge.removeClass("faded").addClass("path");
      edge.connectedNodes().removeClass("faded").addClass("path");
    });
    const steps = document.createElement("ol");
    steps.className = "path-steps";
    best.edges.forEach((id) => steps.appendChild(edgeStep(id)));
    const more = answer.total > 1 ? ", " + (answer.total - 1) + " more as short" : "";
    panel.replaceChildren(text("h3", title), text("p", best.edges.length + " steps, score " + best.score.toFixed(2) + more), steps);
    panel.dataset.shown = "path";
  });
  document.getElementById("contradictions").addEventListener("click", async () => {
    const query = new URLSearchParams({ min_studies: minStudies, inferred: "true" });
    const answer = await ask("/api/network/contradictions?" + query, "Contradictions");
    if (answer === null) return;
    const list = document.createElement("ul");
    list.className = "contradiction-list";
    for (const found of answer.contradictions) {
      const edges = found.edges.map((id) => cy.getElementById(id));
      edges.forEach((e) => { e.removeClass("faded").addClass("contradiction"); e.connectedNodes().removeClass("faded"); });
      const item = text("li", found.source + " → " + found.target + ": " + edges.map((e) => e.data("relation") + " (" + e.data("n_studies") + ")").join(" vs ") + (found.same_study ? ", in one study" : ""));
      item.addEventListener("click", () => showEdge(edges[0]));
      list.appendChild(item);
    }
    const shown = answer.total > list.children.length ? " (first " + list.children.length + ")" : "";
    panel.replaceChildren(text("h3", answer.total + " contradictions in the whole graph" + shown), list);
    panel.dataset.shown = "contradictions";
  });

  window.exoboneNetwork = cy;  // for tests and the console
  box.dataset.ready = "1";
})();
