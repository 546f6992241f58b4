"""Drives the network page of one actor through the Chrome DevTools protocol with real mouse
events and reports what it found, as JSON: the arrow markers on the edges, the legends, the
edge titles, overlapping labels; then drags a node (the page must stay and the node move),
clicks neighbours until one adds nodes (its own ego network is merged in), saves a
screenshot, and follows the panel's link to the actor page.
Usage: cdp_network.py CHROMIUM URL SCREENSHOT.png"""
import json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, click, drag, screenshot

INSPECT = """(() => {
  const svg = document.getElementById('graph');
  const edges = [...svg.querySelectorAll('path.edge')];
  const labels = [...svg.querySelectorAll('a.node text.label')].map((t) => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const a = labels[i], b = labels[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
  }
  return {
    nodes: svg.querySelectorAll('a.node').length,
    edges: edges.length,
    arrowed: edges.filter((e) => /^url\\(#arrow-(pos|neg|mixed)\\)$/.test(e.getAttribute('marker-end') || '')).length,
    markers: [...svg.querySelectorAll('defs marker')].map((m) => m.id),
    titles: edges.slice(0, 5).map((e) => e.querySelector('title').textContent),
    polarityLegend: [...document.querySelectorAll('#legend-polarity li')].map((li) => li.textContent.trim()),
    kindLegend: [...document.querySelectorAll('#legend-kinds li')].map((li) => li.textContent.trim()),
    visibleLabels: labels.length,
    hiddenLabels: svg.querySelectorAll('a.node text.label-hidden').length,
    overlaps,
    centre: (svg.querySelector('a.node[data-centre]') || {}).dataset?.name || null,
  };
})()"""

def centre_of(page, selector):
    return page.eval(f"(() => {{ const c = document.querySelector({json.dumps(selector)}); if (!c) return null; "
                     f"const r = c.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()")

def node_selector(name):
    return '#graph a.node[data-name="' + name.replace('"', '\\"') + '"]'

def main():
    chromium, url, shot = sys.argv[1], sys.argv[2], sys.argv[3]
    with Browser(chromium) as page:
        page.call("Page.navigate", url=url)
        page.wait_for("document.body && document.body.dataset.graphReady === 'true'")
        page.eval("document.getElementById('graph').scrollIntoView({block: 'center'})")
        time.sleep(0.2)
        before = page.eval(INSPECT)
        # Neighbours, biggest first.
        neighbours = page.eval("[...document.querySelectorAll('#graph a.node:not([data-centre])')]"
                               ".sort((a, b) => b.querySelector('circle').r.baseVal.value - a.querySelector('circle').r.baseVal.value)"
                               ".map((a) => a.dataset.name)")
        dragged = neighbours[-1]
        transform = lambda name: page.eval(f"document.querySelector({json.dumps(node_selector(name))}).getAttribute('transform')")
        start = transform(dragged)
        x, y = centre_of(page, node_selector(dragged) + " circle")
        drag(page, x, y, 60, 40)
        time.sleep(0.3)
        after_drag = {"path": page.eval("location.pathname"), "moved": transform(dragged) != start,
                      "expanded": dragged in page.eval("new URLSearchParams(location.search).getAll('actor')")}
        expansion = None
        for name in neighbours[:6]:
            page.eval("document.getElementById('edge-info').hidden = true")
            count = page.eval("document.querySelectorAll('#graph a.node').length")
            spot = centre_of(page, node_selector(name) + " circle")
            if not spot: continue
            click(page, *spot)
            page.wait_for(f"new URLSearchParams(location.search).getAll('actor').includes({json.dumps(name)})", seconds=10)
            page.wait_for(f"!!document.querySelector({json.dumps(node_selector(name))})", seconds=5)
            now = page.eval("document.querySelectorAll('#graph a.node').length")
            if now > count:
                expansion = {"clicked": name, "before": count, "after": now,
                             "download": page.eval("document.getElementById('download-gexf').getAttribute('href')")}
                break
        after = page.eval(INSPECT)
        screenshot(page, shot)
        link = centre_of(page, "#node-actor-link")
        actor = None
        if link:
            click(page, *link)
            page.wait_for("location.pathname === '/actor'")
            actor = {"url": page.eval("location.pathname + location.search"),
                     "heading": page.eval("document.querySelector('h1') && document.querySelector('h1').textContent")}
        print(json.dumps({"before": before, "afterDrag": after_drag, "expansion": expansion, "after": after, "actorPage": actor}))

main()
