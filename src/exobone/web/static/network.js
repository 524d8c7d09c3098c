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

  // Path and contradiction queries over the edges drawn (the CLI's `exobone graph --from
  // --to` and its contradictions read the whole graph).
  const from = document.getElementById("path-from");
  const to = document.getElementById("path-to");
  const nodes = cy.nodes().sort((a, b) => a.data("label").localeCompare(b.data("label")));
  for (const select of [from, to]) {
    nodes.forEach((n) => { const o = text("option", n.data("label")); o.value = n.id(); select.appendChild(o); });
  }
  const clear = () => cy.elements().removeClass("path contradiction");
  document.getElementById("path-find").addEventListener("click", () => {
    clear();
    const drawn = cy.elements().filter((e) => !e.hasClass("faded"));
    const found = drawn.aStar({ root: cy.getElementById(from.value), goal: cy.getElementById(to.value), directed: true });
    const title = text("h3", "Path: " + cy.getElementById(from.value).data("label") + " → " + cy.getElementById(to.value).data("label"));
    if (!found.found) {
      panel.replaceChildren(title, text("p", "No directed path among the edges drawn."));
      panel.dataset.shown = "no-path";
      return;
    }
    found.path.addClass("path");
    const steps = document.createElement("ol");
    steps.className = "path-steps";
    found.path.edges().forEach((edge) => {
      const d = edge.data();
      const step = text("li", cy.getElementById(d.source).data("label") + " → " + d.relation + " → " + cy.getElementById(d.target).data("label") + " (" + d.n_studies + ")");
      step.addEventListener("click", () => showEdge(edge));
      steps.appendChild(step);
    });
    panel.replaceChildren(title, steps);
    panel.dataset.shown = "path";
  });
  document.getElementById("contradictions").addEventListener("click", () => {
    clear();
    const pairs = new Map();
    cy.edges().filter((e) => !e.hasClass("faded")).forEach((e) => {
      const key = e.data("source") + "\u0000" + e.data("target");
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(e);
    });
    const list = document.createElement("ul");
    list.className = "contradiction-list";
    for (const edges of pairs.values()) {
      const signs = new Set(edges.map((e) => Math.sign(e.data("sign"))));
      if (!(signs.has(1) && signs.has(-1))) continue;
      edges.forEach((e) => e.addClass("contradiction"));
      const d = edges[0].data();
      const item = text("li", cy.getElementById(d.source).data("label") + " → " + cy.getElementById(d.target).data("label") + ": " + edges.map((e) => e.data("relation") + " (" + e.data("n_studies") + ")").join(" vs "));
      item.addEventListener("click", () => showEdge(edges[0]));
      list.appendChild(item);
    }
    panel.replaceChildren(text("h3", list.children.length + " contradictions among the edges drawn"), list);
    panel.dataset.shown = "contradictions";
  });

  window.exoboneNetwork = cy;  // for tests and the console
  box.dataset.ready = "1";
})();
