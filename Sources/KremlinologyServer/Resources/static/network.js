// Network page: draws the network embedded in the page (an actor's ego network, or the whole
// network when small) as SVG: arrows from the actor who acts to the one it concerns, ties
// coloured by polarity, nodes by kind, labels that never overlap (network-layout.js). Pan
// (drag the background), zoom (wheel), drag a node; a click on a node adds its own ties
// (fetched from /api/v1/network with the same filters) and opens its panel; a click on a tie
// shows its quotes. Nodes are real <a href> links; edges carry data-source/data-target.
// Names come from documents: they only ever enter the page as text (textContent, attributes).
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 1000, HEIGHT = 640, FONT = 11;
  const svg = document.getElementById("graph");
  const form = document.getElementById("network-filters");
  const info = document.getElementById("edge-info");
  const embedded = document.getElementById("network-data");
  if (!svg || !embedded) { watchForm(); return; }

  let view = { x: 0, y: 0, k: 1 };
  let scene = null;
  let state = null; // { nodes, edges, data, actors: [names expanded] }
  let labelTimer = null;

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function link(path, params) { const q = params.toString(); return q ? path + "?" + q : path; }
  function actorHref(name) { return link("/actor", new URLSearchParams({ name })); }

  // The filters of the form, without the actors, as query parameters.
  function filterParams() {
    const params = new URLSearchParams();
    if (!form) return params;
    for (const [key, value] of new FormData(form)) if (value && key !== "actor" && key !== "limit") params.append(key, value);
    if (params.get("min_sources") === "1") params.delete("min_sources");
    return params;
  }

  function viewParams(actors, limit) {
    const params = new URLSearchParams();
    for (const actor of actors) params.append("actor", actor);
    for (const [key, value] of filterParams()) params.append(key, value);
    params.set("limit", String(limit));
    return params;
  }

  function typeSummary(edge) {
    return Object.entries(edge.types).sort((a, b) => (b[1] - a[1]) || (a[0] < b[0] ? -1 : 1)).map(([t, c]) => `${t} ×${c}`).join(", ");
  }

  function polarityClass(edge) { return edge.polarity > 0 ? "pos" : edge.polarity < 0 ? "neg" : "mixed"; }

  // Nodes and edges of an API answer, by name; positions of names already drawn are kept.
  function adopt(data, previous) {
    const before = new Map((previous || []).map((node) => [node.name, node]));
    const byId = new Map();
    const maxWeight = Math.max(1, ...data.nodes.map((node) => node.weight));
    const centres = new Set(data.actors || []);
    const nodes = data.nodes.map((raw) => {
      const old = before.get(raw.name);
      const node = Object.assign({}, raw, old ? { x: old.x, y: old.y, placed: true } : { placed: false });
      node.r = 5 + 14 * Math.sqrt(node.weight / maxWeight);
      node.centre = centres.has(node.name) ? 1 : 0;
      byId.set(raw.id, node);
      return node;
    });
    const edges = data.edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => Object.assign({}, e, {
      from: byId.get(e.source), to: byId.get(e.target), sourceName: byId.get(e.source).name, targetName: byId.get(e.target).name,
    }));
    return { nodes, edges };
  }

  function defs() {
    const d = element("defs", {}, svg);
    for (const cls of ["pos", "neg", "mixed"]) {
      const marker = element("marker", { id: "arrow-" + cls, class: "arrow " + cls, viewBox: "0 0 10 10", refX: "9", refY: "5",
        markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" }, d);
      element("path", { d: "M0,0 L10,5 L0,10 z" }, marker);
    }
  }

  function draw(data, previous) {
    const { nodes, edges } = adopt(data, previous);
    NetworkLayout.layout(nodes, edges, WIDTH, HEIGHT);
    svg.textContent = "";
    defs();
    scene = element("g", { class: "scene" }, svg);
    const edgeLayer = element("g", { class: "edges" }, scene);
    const nodeLayer = element("g", { class: "nodes" }, scene);
    const pairs = new Set(edges.map((e) => e.sourceName + "\u0001" + e.targetName));
    for (const edge of edges) {
      const cls = polarityClass(edge);
      edge.curved = pairs.has(edge.targetName + "\u0001" + edge.sourceName);
      edge.element = element("path", {
        class: "edge " + cls, "stroke-width": String(Math.min(8, 1 + Math.log2(edge.weight))),
        "marker-end": `url(#arrow-${cls})`, "data-source": edge.sourceName, "data-target": edge.targetName,
      }, edgeLayer);
      const sources = edge.sources === 1 ? "1 source" : `${edge.sources} sources`;
      element("title", {}, edge.element).textContent = `${edge.sourceName} → ${edge.targetName}: ${typeSummary(edge)} (${sources})`;
      edge.element.addEventListener("click", () => showEdge(edge));
    }
    for (const node of nodes) drawNode(node, nodeLayer);
    state = { nodes, edges, data, actors: state ? state.actors : (data.actors || []).slice() };
    place();
    placeLabels();
    applyView();
    describe(data, nodes);
    document.body.dataset.graphReady = "true";
    svg.dataset.nodes = String(nodes.length);
  }

  function drawNode(node, layer) {
    const a = element("a", { href: actorHref(node.name), class: "node " + (node.kind || "unknown") + (node.reviewed === false ? " unreviewed" : ""),
                             "data-name": node.name }, layer);
    if (node.centre) a.setAttribute("data-centre", "true");
    node.element = a;
    element("circle", { r: node.r.toFixed(1) }, a);
    node.label = element("text", { "font-size": String(FONT) }, a);
    node.label.textContent = node.name;
    element("title", {}, a).textContent = `${node.name} (${node.kind || "actor"}${node.reviewed === false ? ", unreviewed" : ""}, ${node.weight} claims)`;
    enableNodeDrag(a, node);
    a.addEventListener("click", (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (node.dragged) { node.dragged = false; return; }
      showNode(node);
      expand(node);
    });
  }

  // Edges end at the rim of their target, so the arrow head shows; two-way ties bend apart.
  function place() {
    for (const edge of state.edges) {
      const { from, to } = edge;
      const dx = to.x - from.x, dy = to.y - from.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      let cx = (from.x + to.x) / 2, cy = (from.y + to.y) / 2;
      if (edge.curved) { cx += -dy / d * 0.12 * d; cy += dx / d * 0.12 * d; }
      const ex = cx - to.x, ey = cy - to.y, e = Math.sqrt(ex * ex + ey * ey) || 1;
      const tx = to.x + ex / e * (to.r + 2), ty = to.y + ey / e * (to.r + 2);
      edge.element.setAttribute("d", `M${from.x.toFixed(1)},${from.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`);
    }
    for (const node of state.nodes) node.element.setAttribute("transform", `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`);
  }

  // Labels keep their size on screen whatever the zoom, and are placed again after a zoom.
  function placeLabels() {
    const size = FONT / view.k;
    for (const node of state.nodes) node.label.setAttribute("font-size", size.toFixed(2));
    const measure = (node) => {
      let width = node.name.length * size * 0.6;
      try { width = node.label.getComputedTextLength() || width; } catch (e) { /* not rendered */ }
      return { width, height: size * 1.2 };
    };
    const scaled = state.nodes.map((node) => ({ node, x: node.x, y: node.y, r: node.r, weight: node.weight, centre: node.centre, name: node.name }));
    const chosen = NetworkLayout.placeLabels(scaled, (s) => measure(s.node));
    for (const s of scaled) {
      const spot = chosen.get(s);
      const label = s.node.label;
      if (!spot) { label.setAttribute("class", "label-hidden"); continue; }
      label.setAttribute("class", "label");
      label.setAttribute("x", spot.x.toFixed(1));
      label.setAttribute("y", spot.y.toFixed(1));
      label.setAttribute("text-anchor", spot.anchor);
    }
  }

  function applyView() {
    if (scene) scene.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
  }

  function panel() { info.textContent = ""; info.hidden = false; return info; }

  function anchor(href, text, parent) {
    const a = document.createElement("a");
    a.href = href; a.textContent = text;
    parent.appendChild(a);
    return a;
  }

  function showEdge(edge) {
    if (!info) return;
    const box = panel();
    const title = document.createElement("p");
    title.textContent = `${edge.sourceName} → ${edge.targetName}: ${typeSummary(edge)}`;
    box.appendChild(title);
    for (const citation of edge.citations || []) {
      const block = document.createElement("blockquote");
      block.className = "citation";
      anchor(`/documents/${encodeURIComponent(citation.documentID)}#r${citation.relationID}`, `“${citation.quote}”`, block);
      box.appendChild(block);
    }
    anchor(link("/pair", new URLSearchParams({ a: edge.sourceName, b: edge.targetName })), "Open the pair →", box);
  }

  function showNode(node) {
    if (!info) return;
    const box = panel();
    const title = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = node.name;
    title.appendChild(strong);
    title.appendChild(document.createTextNode(` — ${node.kind || "actor"}, ${node.weight} claims, community ${node.community + 1}`));
    box.appendChild(title);
    anchor(actorHref(node.name), "Open the actor page →", box).id = "node-actor-link";
    box.appendChild(document.createTextNode(" · "));
    anchor(link("/network", viewParams([node.name], limitValue())), "Centre the network here →", box);
  }

  function limitValue() {
    const input = form && form.elements.namedItem("limit");
    return Math.max(1, Math.min(200, parseInt(input && input.value, 10) || 60));
  }

  // Adds the ego network of `node` to the drawing: the union of every expanded actor's ego
  // network, asked of the API with the page's filters, merged by name.
  function expand(node) {
    if (!state || state.actors.length === 0 || state.actors.includes(node.name) || state.actors.length >= 50) return;
    const actors = state.actors.concat([node.name]);
    const limit = Math.min(200, state.nodes.length + baseLimit);
    const params = viewParams(actors, limit);
    fetch(link("/api/v1/network", params))
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) { report(body.error ? body.error.message : "the network could not be loaded"); return; }
        state.actors = actors;
        draw(body, state.nodes);
        history.replaceState(null, "", link("/network", params));
        remember(actors, limit);
        showNode(state.nodes.find((n) => n.name === node.name) || node);
      })
      .catch(() => report("the network could not be loaded; reload the page to try again"));
  }

  // The form, the address and the downloads follow the expanded actors.
  function remember(actors, limit) {
    const hidden = document.getElementById("expanded-actors");
    if (hidden) {
      hidden.textContent = "";
      for (const actor of actors.slice(1)) {
        const input = document.createElement("input");
        input.type = "hidden"; input.name = "actor"; input.value = actor;
        hidden.appendChild(input);
      }
    }
    const limitInput = form && form.elements.namedItem("limit");
    if (limitInput) limitInput.value = String(limit);
    for (const format of ["gexf", "graphml"]) {
      const a = document.getElementById("download-" + format);
      if (!a) continue;
      const params = viewParams(actors, limit);
      params.set("format", format);
      a.href = link("/api/v1/network", params);
    }
  }

  function report(message) {
    const summary = document.getElementById("network-summary");
    if (summary) summary.textContent = message;
  }

  // The summary, the communities and the balance figure of what is drawn.
  function describe(data, nodes) {
    const summary = document.getElementById("network-summary");
    if (summary && state.actors.length > 1) {
      summary.textContent = `${nodes.length} of ${data.totalNodes} actors, ${data.edges.length} of ${data.totalEdges} ties, ` +
        `around ${state.actors.join(", ")}. Click a node to add its ties; click a tie for its quotes.`;
    }
    const count = document.getElementById("metric-communities");
    if (count) count.textContent = `${data.communities} ${data.communities === 1 ? "community" : "communities"}`;
    const list = document.getElementById("community-list");
    if (list) {
      list.textContent = "";
      const groups = new Map();
      for (const node of nodes) { if (!groups.has(node.community)) groups.set(node.community, []); groups.get(node.community).push(node.name); }
      for (const key of [...groups.keys()].sort((a, b) => a - b).slice(0, 12)) {
        const names = groups.get(key);
        const item = document.createElement("li");
        item.textContent = names.slice(0, 8).join(", ") + (names.length > 8 ? " …" : "");
        list.appendChild(item);
      }
    }
    const balance = document.getElementById("metric-balance"), b = data.balance;
    if (balance && b) {
      balance.textContent = b.triangles === 0 ? "no triangle of signed ties"
        : `${b.balanced} of ${b.triangles} triangles balanced (${Math.round((b.balancedShare || 0) * 100)} %)`;
    }
    const nodeList = document.getElementById("node-list");
    if (nodeList) {
      nodeList.textContent = "";
      for (const node of nodes) {
        const item = document.createElement("li");
        anchor(actorHref(node.name), node.name, item).className = "actor";
        nodeList.appendChild(item);
      }
    }
  }

  // Dragging a node moves it; a press without movement is a click.
  function enableNodeDrag(a, node) {
    a.addEventListener("mousedown", (event) => {
      event.stopPropagation();
      event.preventDefault();
      const start = { x: event.clientX, y: event.clientY, nx: node.x, ny: node.y };
      const scale = svgScale();
      node.dragged = false;
      function move(e) {
        const dx = (e.clientX - start.x) / (view.k * scale), dy = (e.clientY - start.y) / (view.k * scale);
        if (Math.abs(dx) + Math.abs(dy) > 3) node.dragged = true;
        node.x = start.nx + dx; node.y = start.ny + dy;
        place();
      }
      function up() {
        window.removeEventListener("mousemove", move);
        window.removeEventListener("mouseup", up);
        if (node.dragged) placeLabels();
      }
      window.addEventListener("mousemove", move);
      window.addEventListener("mouseup", up);
    });
  }

  function svgScale() {
    const box = svg.getBoundingClientRect();
    return box.width ? box.width / WIDTH : 1;
  }

  svg.addEventListener("mousedown", (event) => {
    const start = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
    const scale = svgScale();
    function move(e) {
      view.x = start.vx + (e.clientX - start.x) / scale;
      view.y = start.vy + (e.clientY - start.y) / scale;
      applyView();
    }
    function up() {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
    }
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  });

  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect(), scale = svgScale();
    const px = (event.clientX - box.left) / scale, py = (event.clientY - box.top) / scale;
    const factor = event.deltaY < 0 ? 1.15 : 1 / 1.15;
    const k = Math.max(0.2, Math.min(6, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    applyView();
    clearTimeout(labelTimer);
    labelTimer = setTimeout(placeLabels, 120);
  }, { passive: false });

  // The year sliders write From and To; a slider at its end leaves the bound open (a date
  // bound drops undated claims, so "any" must mean no bound).
  function yearSliders() {
    const from = document.getElementById("year-from"), to = document.getElementById("year-to");
    const fromText = document.getElementById("date-from"), toText = document.getElementById("date-to");
    const output = document.getElementById("years-value");
    if (!from || !to || !fromText || !toText) return;
    function sync(moved) {
      if (Number(from.value) > Number(to.value)) { if (moved === from) to.value = from.value; else from.value = to.value; }
      const open = (slider, end) => slider.value === end;
      fromText.value = open(from, from.min) ? "" : from.value;
      toText.value = open(to, to.max) ? "" : to.value;
      if (output) output.textContent = `${fromText.value || "any"}–${toText.value || "any"}`;
    }
    from.addEventListener("input", () => sync(from));
    to.addEventListener("input", () => sync(to));
  }

  // A changed filter reloads the page with it; a new actor starts a new ego network.
  function watchForm() {
    if (!form) return;
    const output = document.getElementById("min-sources-value");
    const slider = document.getElementById("min-sources");
    if (slider && output) slider.addEventListener("input", () => { output.textContent = slider.value; });
    yearSliders();
    form.addEventListener("change", (event) => {
      if (event.target && event.target.name === "actor") {
        const hidden = document.getElementById("expanded-actors");
        if (hidden) hidden.textContent = "";
      }
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  }

  // Each expansion may draw this many more actors than are drawn already (the form's count).
  const baseLimit = limitValue();
  watchForm();
  draw(JSON.parse(embedded.textContent), null);
})();
