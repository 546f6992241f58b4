"""A minimal Chrome DevTools protocol client (standard library only: a websocket client is
enough for the few calls the browser tests make): start headless chromium, open a page,
evaluate expressions, send real mouse events. Used by cdp_network.py."""
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

class Browser:
    """Headless chromium with one page, started and killed with `with`."""
    def __init__(self, chromium, width=1280, height=900):
        self.chromium, self.size = chromium, (width, height)
    def __enter__(self):
        profile = tempfile.mkdtemp()
        self.process = subprocess.Popen([self.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                         "--no-first-run", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                         f"--window-size={self.size[0]},{self.size[1]}", "about:blank"],
                                        stderr=subprocess.PIPE, text=True)
        for line in self.process.stderr:
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m: break
        else: raise SystemExit("chromium printed no DevTools address")
        port = re.match(r"ws://[^:]+:(\d+)", m.group(1)).group(1)
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        target = next(t for t in targets if t.get("type") == "page")
        page = Page(ws_connect(target["webSocketDebuggerUrl"]))
        page.call("Page.enable")
        return page
    def __exit__(self, *exc):
        self.process.kill()

def click(page, x, y):
    """A real left click at (x, y), in CSS pixels of the viewport."""
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        page.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

def drag(page, x, y, dx, dy, steps=5):
    page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    page.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
    for step in range(1, steps + 1):
        page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x + dx * step / steps, y=y + dy * step / steps, button="left")
    page.call("Input.dispatchMouseEvent", type="mouseReleased", x=x + dx, y=y + dy, button="left", clickCount=1)

def screenshot(page, path):
    data = page.call("Page.captureScreenshot", format="png")["data"]
    with open(path, "wb") as f: f.write(base64.b64decode(data))
