// Network page: draws the network data embedded in the page (or fetched from
// /api/v1/network when the filters change) with a small force layout, and lets the reader
// pan (drag the background), zoom (wheel), drag nodes and open an actor by clicking it.
// Nodes are real <a href> links inside the SVG; edges carry data-source/data-target.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 1000, HEIGHT = 640;
  const svg = document.getElementById("graph");
  const form = document.getElementById("network-filters");
  const summary = document.getElementById("network-summary");
  const info = document.getElementById("edge-info");
  const list = document.getElementById("node-list");
  if (!svg) return;

  let view = { x: 0, y: 0, k: 1 };
  let scene = null;

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function actorHref(name) { return "/actor?name=" + encodeURIComponent(name); }

  // Deterministic seeded placement, then a fixed number of force iterations.
  function layout(nodes, edges) {
    const n = nodes.length;
    nodes.forEach((node, i) => {
      const angle = i * 2.399963, radius = 40 + 260 * Math.sqrt((i + 0.5) / Math.max(1, n));
      node.x = WIDTH / 2 + radius * Math.cos(angle);
      node.y = HEIGHT / 2 + radius * Math.sin(angle);
      node.vx = 0; node.vy = 0;
    });
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const links = edges.map((e) => [byId.get(e.source), byId.get(e.target)]).filter((l) => l[0] && l[1]);
    const ideal = Math.max(50, Math.min(160, 700 / Math.sqrt(Math.max(1, n))));
    for (let step = 0; step < 300; step++) {
      const cooling = 1 - step / 300;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = 0.02; }
          const force = (ideal * ideal) / d2;
          a.vx += dx * force * 0.06; a.vy += dy * force * 0.06;
          b.vx -= dx * force * 0.06; b.vy -= dy * force * 0.06;
        }
      }
      for (const [a, b] of links) {
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const pull = (d - ideal) / d * 0.05;
        a.vx += dx * pull; a.vy += dy * pull;
        b.vx -= dx * pull; b.vy -= dy * pull;
      }
      for (const node of nodes) {
        node.vx += (WIDTH / 2 - node.x) * 0.01;
        node.vy += (HEIGHT / 2 - node.y) * 0.01;
        const speed = Math.sqrt(node.vx * node.vx + node.vy * node.vy), limit = 20 * cooling + 0.5;
        if (speed > limit) { node.vx *= limit / speed; node.vy *= limit / speed; }
        node.x += node.vx; node.y += node.vy;
        node.vx *= 0.6; node.vy *= 0.6;
      }
    }
    // Fit the drawing into the view box, leaving room for labels.
    if (n === 0) return;
    const xs = nodes.map((node) => node.x), ys = nodes.map((node) => node.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const fit = Math.min((WIDTH - 180) / Math.max(1, x1 - x0), (HEIGHT - 60) / Math.max(1, y1 - y0), 1.5);
    for (const node of nodes) {
      node.x = 40 + (node.x - x0) * fit + (WIDTH - 180 - (x1 - x0) * fit) / 2;
      node.y = 30 + (node.y - y0) * fit + (HEIGHT - 60 - (y1 - y0) * fit) / 2;
    }
  }

  function applyView() {
    if (scene) scene.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
  }

  function showEdge(edge, source, target) {
    if (!info) return;
    info.textContent = "";
    const title = document.createElement("p");
    const types = Object.entries(edge.types).map(([t, c]) => `${t} ×${c}`).join(", ");
    title.textContent = `${source.name} → ${target.name}: ${types}`;
    info.appendChild(title);
    for (const citation of edge.citations || []) {
      const quote = document.createElement("a");
      quote.href = `/documents/${encodeURIComponent(citation.documentID)}#r${citation.relationID}`;
      quote.textContent = `“${citation.quote}”`;
      const block = document.createElement("blockquote");
      block.className = "citation";
      block.appendChild(quote);
      info.appendChild(block);
    }
    const pair = document.createElement("a");
    pair.href = `/pair?a=${encodeURIComponent(source.name)}&b=${encodeURIComponent(target.name)}`;
    pair.textContent = "Open the pair →";
    info.appendChild(pair);
    info.hidden = false;
  }

  function draw(data) {
    svg.textContent = "";
    scene = element("g", { class: "scene" }, svg);
    const nodes = data.nodes.map((node) => Object.assign({}, node));
    layout(nodes, data.edges);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const maxWeight = Math.max(1, ...nodes.map((node) => node.weight));
    const edgeLayer = element("g", { class: "edges" }, scene);
    const nodeLayer = element("g", { class: "nodes" }, scene);
    const drawn = [];
    for (const edge of data.edges) {
      const source = byId.get(edge.source), target = byId.get(edge.target);
      if (!source || !target) continue;
      const line = element("line", {
        class: "edge " + (edge.polarity >= 0 ? "pos" : "neg"),
        "stroke-width": String(Math.min(8, 1 + Math.log2(edge.weight))),
        "data-source": source.name, "data-target": target.name,
      }, edgeLayer);
      element("title", {}, line).textContent = `${source.name} → ${target.name} (${edge.weight})`;
      line.addEventListener("click", () => showEdge(edge, source, target));
      drawn.push({ line, source, target });
    }
    for (const node of nodes) {
      const link = element("a", { href: actorHref(node.name), class: "node " + (node.kind || "unknown"), "data-name": node.name }, nodeLayer);
      node.element = link;
      element("circle", { r: String(5 + 14 * Math.sqrt(node.weight / maxWeight)) }, link);
      const label = element("text", { dx: "10", dy: "4" }, link);
      label.textContent = node.name;
      element("title", {}, link).textContent = `${node.name} (${node.weight} relations)`;
      enableNodeDrag(link, node, () => place(drawn, nodes));
    }
    place(drawn, nodes);
    applyView();
    if (list) {
      list.textContent = "";
      for (const node of nodes) {
        const item = document.createElement("li");
        const a = document.createElement("a");
        a.href = actorHref(node.name);
        a.className = "actor";
        a.textContent = node.name;
        item.appendChild(a);
        list.appendChild(item);
      }
    }
    if (summary) summary.dataset.drawn = String(nodes.length);
    document.body.dataset.graphReady = "true";
  }

  function place(drawn, nodes) {
    for (const { line, source, target } of drawn) {
      line.setAttribute("x1", source.x.toFixed(1)); line.setAttribute("y1", source.y.toFixed(1));
      line.setAttribute("x2", target.x.toFixed(1)); line.setAttribute("y2", target.y.toFixed(1));
    }
    for (const node of nodes) node.element.setAttribute("transform", `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`);
  }

  // Dragging a node moves it; a press without movement is a click and follows the link.
  function enableNodeDrag(link, node, redraw) {
    link.addEventListener("mousedown", (event) => {
      event.stopPropagation();
      event.preventDefault();
      const start = { x: event.clientX, y: event.clientY, nx: node.x, ny: node.y };
      let moved = false;
      const scale = svgScale();
      function move(e) {
        const dx = (e.clientX - start.x) / (view.k * scale), dy = (e.clientY - start.y) / (view.k * scale);
        if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
        node.x = start.nx + dx; node.y = start.ny + dy;
        redraw();
      }
      function up() {
        window.removeEventListener("mousemove", move);
        window.removeEventListener("mouseup", up);
        if (moved) link.addEventListener("click", (e) => e.preventDefault(), { once: true });
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
  }, { passive: false });

  if (form) {
    form.addEventListener("change", () => {
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (value) params.append(key, value);
      fetch("/api/v1/network?" + params.toString())
        .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
        .then(({ ok, body }) => {
          if (!ok) { if (summary) summary.textContent = body.error ? body.error.message : "error"; return; }
          history.replaceState(null, "", "/network?" + params.toString());
          if (summary) summary.textContent = `${body.nodes.length} of ${body.totalNodes} actors, ${body.edges.length} of ${body.totalEdges} ties.`;
          view = { x: 0, y: 0, k: 1 };
          draw(body);
        });
    });
  }

  const embedded = document.getElementById("network-data");
  if (embedded) draw(JSON.parse(embedded.textContent));
})();
