"""Drives the network page through the Chrome DevTools protocol with real mouse events:
drags one node (the page must stay and the node move), then clicks another (the browser must
open its actor page). Usage: cdp_click.py CHROMIUM URL DRAG_NODE CLICK_NODE. Prints JSON.
Standard library only: a minimal websocket client is enough for the few calls made."""
import base64, json, os, re, socket, struct, subprocess, sys, tempfile, time, urllib.request

def ws_connect(url):
    m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
    host, port, path = m.group(1), int(m.group(2)), m.group(3)
    s = socket.create_connection((host, port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += s.recv(1)
    if b" 101 " not in head.split(b"\r\n")[0]:
        raise SystemExit("websocket handshake failed: " + head.decode(errors="replace"))
    return s

def ws_send(s, text):
    data = text.encode()
    header = bytes([0x81])
    n = len(data)
    if n < 126: header += bytes([0x80 | n])
    elif n < 65536: header += bytes([0x80 | 126]) + struct.pack(">H", n)
    else: header += bytes([0x80 | 127]) + struct.pack(">Q", n)
    mask = os.urandom(4)
    s.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk: raise SystemExit("connection closed")
        buf += chunk
    return buf

def ws_recv(s):
    message = b""
    while True:
        b0, b1 = recv_exact(s, 2)
        n = b1 & 0x7F
        if n == 126: n = struct.unpack(">H", recv_exact(s, 2))[0]
        elif n == 127: n = struct.unpack(">Q", recv_exact(s, 8))[0]
        payload = recv_exact(s, n)
        if b0 & 0x0F in (1, 0): message += payload
        if b0 & 0x80 and b0 & 0x0F in (0, 1): return message.decode()

class Page:
    def __init__(self, sock): self.sock, self.next_id = sock, 0
    def call(self, method, **params):
        self.next_id += 1
        ws_send(self.sock, json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(ws_recv(self.sock))
            if reply.get("id") == self.next_id:
                if "error" in reply: raise SystemExit(f"{method}: {reply['error']}")
                return reply.get("result", {})
    def eval(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")
    def wait_for(self, expression, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            if self.eval(expression): return True
            time.sleep(0.1)
        raise SystemExit(f"timed out waiting for {expression}")

def main():
    chromium, url, dragged, node = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    profile = tempfile.mkdtemp()
    browser = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                "--no-first-run", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                "--window-size=1280,900", "about:blank"], stderr=subprocess.PIPE, text=True)
    try:
        for line in browser.stderr:
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m: break
        else: raise SystemExit("chromium printed no DevTools address")
        port = re.match(r"ws://[^:]+:(\d+)", m.group(1)).group(1)
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        target = next(t for t in targets if t.get("type") == "page")
        page = Page(ws_connect(target["webSocketDebuggerUrl"]))
        page.call("Page.enable")
        page.call("Page.navigate", url=url)
        page.wait_for("document.body && document.body.dataset.graphReady === 'true'")
        def centre(name):
            selector = json.dumps(f'#graph a.node[data-name="{name}"] circle')
            return page.eval(f"(() => {{ const c = document.querySelector({selector}); "
                             f"const r = c.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()")
        def transform(name):
            selector = json.dumps('#graph a.node[data-name="' + name + '"]')
            return page.eval(f"document.querySelector({selector}).getAttribute('transform')")
        page.eval("document.getElementById('graph').scrollIntoView({block: 'center'})")
        before = transform(dragged)
        x, y = centre(dragged)
        page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        page.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        for step in range(1, 6):
            page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x + 12 * step, y=y + 8 * step, button="left")
        page.call("Input.dispatchMouseEvent", type="mouseReleased", x=x + 60, y=y + 40, button="left", clickCount=1)
        time.sleep(0.3)
        after_drag = {"path": page.eval("location.pathname"), "moved": transform(dragged) != before}
        x, y = centre(node)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            page.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
        page.wait_for("location.pathname === '/actor'")
        print(json.dumps({"afterDrag": after_drag, "url": page.eval("location.pathname + location.search"),
                          "heading": page.eval("document.querySelector('h1') && document.querySelector('h1').textContent")}))
    finally:
        browser.kill()

main()
