// Network page, geometry: a small deterministic force layout (nodes already placed stay where
// they are, so an expanded network keeps its shape) and collision-aware labels: each label
// takes the first of four places around its node that overlaps no node and no label placed
// before it (centres first, then the heaviest nodes); a label with no free place is hidden
// (it shows on hover). Exposed as window.NetworkLayout for network.js.
"use strict";
(function () {
  // Places `nodes` ({x, y} kept when `placed` is set) in width × height.
  function layout(nodes, edges, width, height) {
    const n = nodes.length;
    const byName = new Map(nodes.map((node) => [node.name, node]));
    const links = edges.map((e) => [byName.get(e.sourceName), byName.get(e.targetName)]).filter((l) => l[0] && l[1]);
    const fresh = nodes.filter((node) => !node.placed);
    const anyPlaced = fresh.length < n;
    fresh.forEach((node, i) => {
      const anchor = anyPlaced ? neighbourPlaced(node, links) : null;
      const angle = i * 2.399963, radius = anchor ? 30 + 6 * (i % 7) : 40 + 260 * Math.sqrt((i + 0.5) / Math.max(1, n));
      node.x = (anchor ? anchor.x : width / 2) + radius * Math.cos(angle);
      node.y = (anchor ? anchor.y : height / 2) + radius * Math.sin(angle);
    });
    for (const node of nodes) { node.vx = 0; node.vy = 0; }
    const ideal = Math.max(50, Math.min(160, 700 / Math.sqrt(Math.max(1, n))));
    const steps = anyPlaced ? 200 : 300;
    for (let step = 0; step < steps; step++) {
      const cooling = 1 - step / steps;
      repel(nodes, ideal);
      for (const [a, b] of links) {
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const pull = (d - ideal) / d * 0.05;
        a.vx += dx * pull; a.vy += dy * pull;
        b.vx -= dx * pull; b.vy -= dy * pull;
      }
      for (const node of nodes) {
        if (node.placed) continue;
        if (!anyPlaced) { node.vx += (width / 2 - node.x) * 0.025; node.vy += (height / 2 - node.y) * 0.025; }
        const speed = Math.sqrt(node.vx * node.vx + node.vy * node.vy), limit = 20 * cooling + 0.5;
        if (speed > limit) { node.vx *= limit / speed; node.vy *= limit / speed; }
        node.x += node.vx; node.y += node.vy;
        node.vx *= 0.6; node.vy *= 0.6;
      }
    }
    fit(nodes, width, height);
    for (const node of nodes) node.placed = true;
  }

  function neighbourPlaced(node, links) {
    for (const [a, b] of links) {
      if (a === node && b.placed) return b;
      if (b === node && a.placed) return a;
    }
    return null;
  }

  function repel(nodes, ideal) {
    const n = nodes.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = 0.02; }
        const force = (ideal * ideal) / d2 * 0.06;
        a.vx += dx * force; a.vy += dy * force;
        b.vx -= dx * force; b.vy -= dy * force;
      }
    }
  }

  // Scales and centres the drawing into the view box, leaving room for labels.
  function fit(nodes, width, height) {
    if (nodes.length === 0) return;
    const xs = nodes.map((node) => node.x), ys = nodes.map((node) => node.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const w = width - 220, h = height - 80;
    const k = Math.min(w / Math.max(1, x1 - x0), h / Math.max(1, y1 - y0), 1.5);
    for (const node of nodes) {
      node.x = 110 + (node.x - x0) * k + (w - (x1 - x0) * k) / 2;
      node.y = 40 + (node.y - y0) * k + (h - (y1 - y0) * k) / 2;
    }
  }

  function overlaps(a, b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  }

  // Chooses a place for every label, or hides it. `measure(node)` gives the label's width
  // and height; returns a Map from node to {x, y, anchor}, or to null (hidden).
  function placeLabels(nodes, measure) {
    const circles = nodes.map((node) => ({ x0: node.x - node.r, x1: node.x + node.r, y0: node.y - node.r, y1: node.y + node.r, node }));
    const placed = [];
    const order = nodes.slice().sort((a, b) => (b.centre - a.centre) || (b.weight - a.weight) || (a.name < b.name ? -1 : 1));
    const result = new Map();
    for (const node of order) {
      const { width, height } = measure(node);
      const gap = 3, r = node.r;
      const candidates = [
        { x: r + gap, y: height * 0.35, anchor: "start", box: [node.x + r + gap, node.y - height / 2, width, height] },
        { x: -r - gap, y: height * 0.35, anchor: "end", box: [node.x - r - gap - width, node.y - height / 2, width, height] },
        { x: 0, y: -r - gap - height * 0.2, anchor: "middle", box: [node.x - width / 2, node.y - r - gap - height, width, height] },
        { x: 0, y: r + gap + height * 0.8, anchor: "middle", box: [node.x - width / 2, node.y + r + gap, width, height] },
      ];
      let chosen = null;
      for (const candidate of candidates) {
        const [bx, by, bw, bh] = candidate.box;
        const box = { x0: bx, x1: bx + bw, y0: by, y1: by + bh };
        const hit = placed.some((other) => overlaps(box, other))
          || circles.some((c) => c.node !== node && overlaps(box, c));
        if (!hit) { chosen = candidate; placed.push(box); break; }
      }
      result.set(node, chosen);
    }
    return result;
  }

  window.NetworkLayout = { layout, placeLabels };
})();
