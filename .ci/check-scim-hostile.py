"""The squads binary against SCIM servers on loopback that misbehave, checked from outside.

- A server on 127.0.0.1 that redirects every request to 127.0.0.2: push exits 2 naming both URLs, and the
  token never reaches 127.0.0.2.
- A server that answers the same page whatever startIndex is asked: pull exits 2 at once.
- A server that answers 600 MB of blanks: pull exits 2, and the squads process's peak memory stays under
  twice the limit given with --max-answer-bytes (plus the process's own baseline, measured on a small pull).
"""
import http.server
import json
import resource
import subprocess
import sys
import threading
import time

squads, organization = sys.argv[1], sys.argv[2]
TOKEN = "hostile-check-token"
seen_by_b = []


class Quiet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass


def serve(host, handler):
    server = http.server.ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class B(Quiet):
    def do_GET(self):
        seen_by_b.append((self.path, self.headers.get("Authorization")))
        body = json.dumps({"totalResults": 0, "Resources": []}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


b = serve("127.0.0.2", B)
b_base = f"http://127.0.0.2:{b.server_address[1]}"


class A(Quiet):
    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", b_base + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()


a = serve("127.0.0.1", A)
a_base = f"http://127.0.0.1:{a.server_address[1]}"


class Repeating(Quiet):
    def do_GET(self):
        body = json.dumps({"totalResults": 1_000_000_000, "Resources": [{"id": "1", "userName": "same"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


repeating = serve("127.0.0.1", Repeating)


class Endless(Quiet):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b" " * (1 << 20)
        try:
            for _ in range(600):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


endless = serve("127.0.0.1", Endless)
env = {"SQUADS_SCIM_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"}


def run(*arguments):
    started = time.monotonic()
    result = subprocess.run([squads, *arguments], env=env, capture_output=True, text=True, timeout=120)
    return result, time.monotonic() - started


def expect(condition, message):
    if not condition:
        sys.exit(f"check-scim-hostile: {message}")


result, _ = run("scim", "push", organization, "--url", a_base + "/v2", "--dry-run")
expect(result.returncode == 2, f"push through a cross-host redirect exited {result.returncode}: {result.stderr}")
expect(a_base in result.stderr and b_base in result.stderr, f"the message names both URLs: {result.stderr}")
expect(not seen_by_b, f"the other host was asked: {seen_by_b}")
print(f"redirect to another host: exit 2, nothing sent to {b_base}: {result.stderr.strip()}")

result, elapsed = run("scim", "pull", "--url", f"http://127.0.0.1:{repeating.server_address[1]}/v2", "--all-groups")
expect(result.returncode == 2, f"pull of a repeating page exited {result.returncode}: {result.stderr}")
expect(elapsed < 10, f"pull of a repeating page took {elapsed:.1f} s")
print(f"repeating page: exit 2 in {elapsed:.2f} s: {result.stderr.strip()}")

before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
limit = 64 << 20
result, elapsed = run("scim", "pull", "--url", f"http://127.0.0.1:{endless.server_address[1]}/v2", "--all-groups",
                      "--max-answer-bytes", str(limit))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
expect(result.returncode == 2, f"pull of a 600 MB answer exited {result.returncode}: {result.stderr}")
expect("longer than" in result.stderr, result.stderr)
baseline = before * 1024
expect(peak < baseline + 2 * limit, f"peak memory {peak >> 20} MiB for a limit of {limit >> 20} MiB "
                                    f"(baseline {baseline >> 20} MiB)")
print(f"600 MB answer with --max-answer-bytes {limit}: exit 2 in {elapsed:.2f} s, peak memory {peak >> 20} MiB "
      f"(earlier squads runs peaked at {baseline >> 20} MiB)")
for server in (a, b, repeating, endless):
    server.shutdown()
