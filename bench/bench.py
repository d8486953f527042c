#!/usr/bin/env python3
"""The ats-sandbox benchmark. Started by bench/run.sh, which builds the binaries and installs wrk.

Runs, in one go and on loopback only:
  1. startup to the first 200 (demo fixtures; 100k candidates per vendor) and RSS with 100k;
  2. throughput and latency with wrk at 1, 32 and 256 connections, each after a warm-up, of
     the baseline (examples/baseline.rs) and, per served vendor, a read by id, a write, and a
     list page of 100 in a tenant of 1k and of 100k candidates;
  3. RSS while at least 1M requests go through one server with the journal on.
Then writes BENCHMARKS.md and BENCHMARKS.json (see --out) and checks the issue's targets.

Every loop here is bounded in count and time; every server it starts is stopped at the end.
Standard library only.
"""

import argparse
import base64
import datetime
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = os.path.join(HERE, "request.lua")
CONNECTIONS = [1, 32, 256]

# The targets, each checked from this run's numbers.
TARGETS = {
    "read_ratio": 0.75,  # of the baseline's requests/s at 32 connections
    "write_ratio": 0.5,
    "list_ratio": 0.3,
    "list_1k_vs_100k": 0.10,  # list page req/s within 10% between 1k and 100k tenants
    "read_p99_ms": 3.0,  # at 32 connections
    "startup_demo_ms": 100.0,
    "startup_100k_ms": 2000.0,
    "rss_100k_mb": 250.0,
    "journal_growth": 0.10,  # RSS growth allowed over the journal run, once its rings are full
}


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def basic(user, password=""):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def call(port, method, path, body=None, headers=None, timeout=30):
    """One HTTP request; answers (status, parsed JSON or text, response headers)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = None
        hdrs = dict(headers or {})
        if body is not None:
            data = body if isinstance(body, (bytes, str)) else json.dumps(body)
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=hdrs)
        res = conn.getresponse()
        raw = res.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return res.status, parsed, dict(res.getheaders())
    finally:
        conn.close()


def cpu_seconds(pid):
    """User plus system CPU time a process has used so far, in seconds (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def proc_status(pid):
    """VmRSS and VmHWM (peak) of a process, in KiB."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    out[key] = int(value.split()[0])
    except OSError:
        pass
    return out.get("VmRSS", 0), out.get("VmHWM", 0)


class Server:
    """A server process on a free loopback port, with its startup time to the first 200."""

    def __init__(self, argv, name, work, health="/_sandbox/health", port=None):
        self.name = name
        self.port = port or free_port()
        argv = [a.replace("{port}", str(self.port)) for a in argv]
        self.out = open(os.path.join(work, f"{name}.out"), "w")
        started = time.perf_counter()
        # Request logs go to stderr, one line per request: discarded, as a CI job would.
        self.proc = subprocess.Popen(
            argv, stdout=self.out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
        )
        self.startup_ms = self._wait_ready(health, started)

    def _wait_ready(self, path, started, limit=120.0):
        while time.perf_counter() - started < limit:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}")
            try:
                status, _, _ = call(self.port, "GET", path, timeout=2)
                if status == 200:
                    return (time.perf_counter() - started) * 1000.0
            except OSError:
                pass
            time.sleep(0.001)
        raise RuntimeError(f"{self.name} did not answer 200 on {path} within {limit}s")

    def rss(self):
        return proc_status(self.proc.pid)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()


# --- vendors -------------------------------------------------------------------------------
# Each vendor says how to authenticate and what its read, write and list requests are. A vendor
# that the sandbox does not serve (no default tenant) is skipped. To add one, add a class.


class Vendor:
    slug = ""
    prefix = ""

    def headers(self, creds):
        raise NotImplementedError

    def read(self, port, creds):
        """(method, path, body) of a read by id of an existing candidate-like record."""
        raise NotImplementedError

    def write(self):
        """(method, path, body template with {n}, expected status)."""
        raise NotImplementedError

    def list_page(self):
        """(method, path, body) of a list page of 100 candidates."""
        raise NotImplementedError

    def count(self, parsed):
        """Records in a list page's answer."""
        raise NotImplementedError


class Ashby(Vendor):
    slug = "ashby"
    prefix = "/ashby"

    def headers(self, creds):
        return {"Authorization": basic(creds["api_key"]), "Content-Type": "application/json"}

    def read(self, port, creds):
        _, page, _ = call(
            port, "POST", "/ashby/candidate.list", {"limit": 1}, self.headers(creds)
        )
        cid = page["results"][0]["id"]
        return "POST", "/ashby/candidate.info", json.dumps({"id": cid})

    def write(self):
        body = '{"name":"Bench {n}","email":"bench-{n}@bench.example"}'
        return "POST", "/ashby/candidate.create", body, 200

    def list_page(self):
        return "POST", "/ashby/candidate.list", '{"limit":100}'

    def count(self, parsed):
        return len(parsed.get("results", []))


class AtsAnywhere(Vendor):
    slug = "atsanywhere"
    prefix = "/atsanywhere"

    def headers(self, creds):
        return {
            "Authorization": basic(creds["api_key"], creds["api_password"]),
            "Content-Type": "application/json",
        }

    def read(self, port, creds):
        return "GET", "/atsanywhere/api/v1/users/1", None

    def write(self):
        body = (
            '{"first_name":"Bench","last_name":"User","email":"bench-{n}@bench.example",'
            '"admin_level":"Basic"}'
        )
        return "POST", "/atsanywhere/api/v1/users", body, 201

    def list_page(self):
        return "GET", "/atsanywhere/api/v1/applications?per_page=100", None

    def count(self, parsed):
        return len(parsed) if isinstance(parsed, list) else 0


class SmartRecruiters(Vendor):
    slug = "smartrecruiters"
    prefix = "/smartrecruiters"

    def headers(self, creds):
        return {"X-SmartToken": creds["api_key"], "Content-Type": "application/json"}

    def read(self, port, creds):
        _, page, _ = call(
            port, "GET", "/smartrecruiters/candidates?limit=1", None, self.headers(creds)
        )
        cid = page["content"][0]["id"]
        return "GET", f"/smartrecruiters/candidates/{cid}", None

    def write(self):
        body = '{"firstName":"Bench","lastName":"{n}","email":"bench-{n}@bench.example"}'
        return "POST", "/smartrecruiters/candidates", body, 201

    def list_page(self):
        return "GET", "/smartrecruiters/candidates?limit=100", None

    def count(self, parsed):
        return len(parsed.get("content", [])) if isinstance(parsed, dict) else 0


VENDORS = [Ashby(), AtsAnywhere(), SmartRecruiters()]


# --- load ----------------------------------------------------------------------------------


class Load:
    """Runs wrk against one request shape."""

    def __init__(self, args):
        self.args = args
        self.runs = 0

    def wrk(self, port, spec, conns, seconds):
        method, path, headers, body = spec
        self.runs += 1
        env = dict(os.environ)
        env.update(
            BENCH_METHOD=method,
            BENCH_PATH=path,
            BENCH_HEADERS="\n".join(f"{k}: {v}" for k, v in headers.items()),
            BENCH_BODY=body or "",
            BENCH_TAG=f"{os.getpid()}x{self.runs}",
        )
        threads = min(conns, self.args.wrk_threads)
        cmd = [
            "wrk", "-t", str(threads), "-c", str(conns), "-d", f"{seconds}s",
            "--timeout", "5s", "-s", LUA, f"http://127.0.0.1:{port}{path}",
        ]
        done = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=seconds + 60
        )
        for line in done.stdout.splitlines():
            if line.startswith("BENCH_JSON "):
                r = json.loads(line[len("BENCH_JSON "):])
                r["rps"] = r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0
                return r
        raise RuntimeError(f"wrk gave no result: {done.stdout}\n{done.stderr}")

    def measure(self, server, spec, conns):
        """One point against a Server: warm-up, then the measured run, with the server's CPU
        time per request over the measured run (wrk's own CPU is not in it)."""
        self.wrk(server.port, spec, conns, self.args.warmup)
        before = cpu_seconds(server.proc.pid)
        r = self.wrk(server.port, spec, conns, self.args.duration)
        used = cpu_seconds(server.proc.pid) - before
        r["server_cpu_us"] = used * 1e6 / r["requests"] if r["requests"] else 0
        errors = sum(r["errors"].values())
        log(
            f"  c={conns:<3} {r['rps']:>10.0f} req/s  p50 {r['p50_us'] / 1000:.2f} ms"
            f"  p99 {r['p99_us'] / 1000:.2f} ms  server {r['server_cpu_us']:.1f} us/req"
            + (f"  ERRORS {r['errors']}" if errors else "")
        )
        return r


def tenants(port):
    status, body, _ = call(port, "GET", "/_sandbox/tenants")
    assert status == 200, body
    return body


def generate(binary, vendor, candidates, seed, out):
    """Writes a generated fixture file; answers its path, or None when the vendor has none."""
    os.makedirs(out, exist_ok=True)
    done = subprocess.run(
        [binary, "fixtures", "generate", "--vendor", vendor, "--candidates", str(candidates),
         "--seed", str(seed), "--out", out],
        capture_output=True, text=True, timeout=600,
    )
    if done.returncode != 0:
        log(f"  no {vendor} generator: {done.stderr.strip()[:200]}")
        return None
    return out


def sandbox_argv(args, fixtures, journal=None):
    argv = [args.sandbox, "serve", "--port", "{port}", "--fixtures", fixtures,
            "--workers", str(args.workers), "--seed", "7"]
    if journal is not None:
        argv += ["--journal-size", str(journal)]
    return argv


def served_vendors(args, work):
    probe = Server(sandbox_argv(args, "demo"), "probe", work)
    try:
        slugs = {t["vendor"] for t in tenants(probe.port)}
    finally:
        probe.stop()
    served = [v for v in VENDORS if v.slug in slugs]
    log(f"vendors served: {', '.join(v.slug for v in served)}")
    return served


def phase_startup(args, work, served, big):
    """Startup to the first 200 and RSS, demo and 100k per vendor."""
    out = {"demo": [], "big": {}}
    for i in range(args.startup_repeats):
        s = Server(sandbox_argv(args, "demo"), f"startup-demo-{i}", work)
        out["demo"].append(s.startup_ms)
        out["demo_rss_kb"] = s.rss()[0]
        s.stop()
    log(f"startup demo: median {statistics.median(out['demo']):.1f} ms of {out['demo']}")
    for v in served:
        if v.slug not in big:
            continue
        times, rss, hwm = [], [], []
        for i in range(args.big_repeats):
            s = Server(sandbox_argv(args, big[v.slug]), f"startup-{v.slug}-{i}", work)
            times.append(s.startup_ms)
            time.sleep(0.3)
            r, h = s.rss()
            rss.append(r)
            hwm.append(h)
            s.stop()
        out["big"][v.slug] = {
            "startup_ms": times, "rss_kb": max(rss), "peak_rss_kb": max(hwm),
        }
        log(
            f"startup {v.slug} {args.candidates}: median {statistics.median(times):.0f} ms,"
            f" RSS {max(rss) / 1024:.0f} MB, peak {max(hwm) / 1024:.0f} MB"
        )
    return out


# Body sizes the baseline also answers with (about an ATS Anywhere page of 100 applications, and
# an Ashby or SmartRecruiters page of 100 candidates), to show what moving a page's bytes costs.
SIZED_BODIES = (35000, 115000)


def nearest_sized(th, size):
    """The sized baseline point closest to `size` bytes, with its size, or (None, None)."""
    sized = th.get("baseline_sized") or {}
    if not sized:
        return None, None
    key = min(sized, key=lambda k: abs(int(k) - size))
    return int(key), sized[key]


def phase_throughput(args, work, served, small, big, load):
    results = {"baseline": {}, "baseline_start": {}, "baseline_end": {}, "vendors": {}}
    # The baseline is measured before and after the sandbox's points; ratios use the mean of
    # the two, and the difference between them says how steady the machine was.
    base = Server(
        [args.baseline, "{port}", str(args.workers)], "baseline", work, health="/"
    )
    base_spec = ("GET", "/", {}, None)
    try:
        log("baseline")
        for c in CONNECTIONS:
            results["baseline_start"][str(c)] = load.measure(base, base_spec, c)
        # Context for list pages: the same server answering a fixed body as large as a page.
        results["baseline_sized"] = {}
        for size in SIZED_BODIES:
            log(f"baseline, fixed body of {size} bytes")
            results["baseline_sized"][str(size)] = load.measure(
                base, ("GET", f"/sized/{size}", {}, None), 32
            )
        sandbox_points(args, work, served, small, big, load, results)
        log("baseline again")
        for c in CONNECTIONS:
            results["baseline_end"][str(c)] = load.measure(base, base_spec, c)
    finally:
        base.stop()
    for c in CONNECTIONS:
        first, last = results["baseline_start"][str(c)], results["baseline_end"][str(c)]
        mean = dict(first)
        for key in ("rps", "p50_us", "p90_us", "p99_us", "mean_us", "server_cpu_us"):
            mean[key] = (first[key] + last[key]) / 2
        mean["requests"] = first["requests"] + last["requests"]
        mean["bytes"] = first["bytes"] + last["bytes"]
        mean["drift"] = (last["rps"] - first["rps"]) / first["rps"]
        results["baseline"][str(c)] = mean
    return results


def sandbox_points(args, work, served, small, big, load, results):
    """Every vendor's points on one sandbox."""
    # One sandbox: every vendor's default tenant holds the 100k set, plus a 1k tenant each.
    main_dir = os.path.join(work, "main-fixtures")
    os.makedirs(main_dir, exist_ok=True)
    for v in served:
        if v.slug in big:
            shutil.copy(os.path.join(big[v.slug], f"{v.slug}.json"), main_dir)
    sb = Server(sandbox_argv(args, main_dir), "sandbox", work)
    results["startup_all_100k_ms"] = sb.startup_ms
    try:
        by_vendor = {t["vendor"]: t for t in tenants(sb.port) if t["id"].endswith("-default")}
        for v in served:
            log(f"{v.slug}")
            res = results["vendors"][v.slug] = {}
            fixtures = small.get(v.slug) or "demo"
            status, small_tenant, _ = call(
                sb.port, "POST", "/_sandbox/tenants", {"vendor": v.slug, "fixtures": fixtures}
            )
            if status != 201:
                log(f"  cannot create a {v.slug} tenant from {fixtures}: {status} {small_tenant}")
                continue
            hs = v.headers(small_tenant["credentials"])
            hb = v.headers(by_vendor[v.slug]["credentials"])
            # Writes go to a tenant of their own, so the 1k tenant stays at 1k records.
            status, write_tenant, _ = call(
                sb.port, "POST", "/_sandbox/tenants", {"vendor": v.slug, "fixtures": "demo"}
            )
            hw = v.headers(write_tenant["credentials"]) if status == 201 else hs
            specs = []
            m, p, b = v.read(sb.port, small_tenant["credentials"])
            specs.append(("read", (m, p, hs, b), 200))
            if v.slug in small:
                m, p, b = v.list_page()
                specs.append(("list_1k", (m, p, hs, b), 200))
            if v.slug in big:
                m, p, b = v.list_page()
                specs.append(("list_100k", (m, p, hb, b), 200))
            m, p, b, expect = v.write()
            specs.append(("write", (m, p, hw, b), expect))
            ready = []
            for name, spec, expect in specs:
                method, path, headers, body = spec
                sample = body.replace("{n}", f"probe-{name}") if body else None
                status, parsed, _ = call(sb.port, method, path, sample, headers)
                if status != expect:
                    log(f"  {name}: {method} {path} answered {status}, not {expect}: skipped")
                    res[name] = {"skipped": f"{method} {path} answered {status}"}
                    continue
                if name.startswith("list") and v.count(parsed) != 100:
                    log(f"  {name}: page holds {v.count(parsed)} records, not 100: skipped")
                    res[name] = {"skipped": f"page of {v.count(parsed)} records"}
                    continue
                res[name] = {"request": f"{method} {path}"}
                ready.append((name, spec))
            # Connection counts outside, scenarios inside: the points compared with each other
            # (list_1k and list_100k above all) are taken minutes apart at most, not many.
            for c in CONNECTIONS:
                for name, spec in ready:
                    log(f"  {name}: {spec[0]} {spec[1]}")
                    res[name][str(c)] = load.measure(sb, spec, c)
        rss, hwm = sb.rss()
        results["sandbox_rss_kb"], results["sandbox_peak_rss_kb"] = rss, hwm
    finally:
        sb.stop()


def phase_journal(args, work, served, small, load):
    """RSS sampled while >= args.journal_requests requests pass with the journal on."""
    fixtures = os.path.join(work, "journal-fixtures")
    os.makedirs(fixtures, exist_ok=True)
    for v in served:
        if v.slug in small:
            shutil.copy(os.path.join(small[v.slug], f"{v.slug}.json"), fixtures)
    sb = Server(sandbox_argv(args, fixtures, journal=1000), "journal", work)
    samples = []
    total = 0
    try:
        ts = {t["vendor"]: t for t in tenants(sb.port) if t["id"].endswith("-default")}
        specs = []
        for v in served:
            hs = v.headers(ts[v.slug]["credentials"])
            m, p, b = v.read(sb.port, ts[v.slug]["credentials"])
            specs.append((m, p, hs, b))
            m, p, b = v.list_page()
            specs.append((m, p, hs, b))
        samples.append({"requests": 0, "rss_kb": sb.rss()[0]})
        stop = threading.Event()
        trace = []

        def sampler():
            while not stop.wait(0.5):
                trace.append(sb.rss()[0])

        t = threading.Thread(target=sampler, daemon=True)
        t.start()
        chunk = 0
        deadline = time.monotonic() + args.journal_max_seconds
        # At least two whole rotations: flatness is judged from the end of the first one.
        while ((total < args.journal_requests or chunk < 2 * len(specs))
               and time.monotonic() < deadline):
            spec = specs[chunk % len(specs)]
            r = load.wrk(sb.port, spec, 32, args.journal_chunk)
            total += r["requests"]
            chunk += 1
            samples.append({"requests": total, "rss_kb": sb.rss()[0], "request": spec[1]})
            log(f"  journal: {total} requests, RSS {samples[-1]['rss_kb'] / 1024:.1f} MB")
        stop.set()
        t.join()
    finally:
        sb.stop()
    # Flatness is judged from the end of the first rotation, when every ring has seen each
    # kind of request (list pages make the largest entries).
    return {"requests": total, "samples": samples, "rotation": len(specs),
            "max_rss_kb": max(trace or [0])}


# --- report --------------------------------------------------------------------------------


def ms(us):
    return us / 1000.0


def per_answer(r):
    """Bytes per answer (headers included), as wrk counted them."""
    return f"{r['bytes'] / r['requests']:.0f}" if r.get("requests") else ""


def cpu_per_request(r):
    """The server's CPU time (user + system) per request over the measured run, in us."""
    return f"{r['server_cpu_us']:.1f}" if r.get("server_cpu_us") else ""


def evaluate(data):
    """The issue's targets, each with the number and pass/fail."""
    checks = []
    th = data["throughput"]
    base32 = th["baseline"]["32"]["rps"]
    for slug, res in th["vendors"].items():
        for name, key in [("read", "read_ratio"), ("write", "write_ratio"),
                          ("list_1k", "list_ratio"), ("list_100k", "list_ratio")]:
            r = res.get(name, {}).get("32")
            if r:
                ratio = r["rps"] / base32
                checks.append((f"{slug} {name}: req/s at 32 conns / baseline",
                               f">= {TARGETS[key]}", f"{ratio:.3f}", ratio >= TARGETS[key]))
                base_cpu = th["baseline"]["32"].get("server_cpu_us")
                if r.get("server_cpu_us") and base_cpu and name in ("read", "write"):
                    checks.append((f"{slug} {name} (context, not a target): server CPU per"
                                   " request, baseline's / this", "-",
                                   f"{base_cpu / r['server_cpu_us']:.3f} ({r['server_cpu_us']:.1f}"
                                   f" us vs {base_cpu:.1f} us)", None))
        r = res.get("read", {}).get("32")
        if r:
            bp99 = ms(th["baseline"]["32"]["p99_us"])
            checks.append((f"{slug} read: p99 at 32 conns", f"< {TARGETS['read_p99_ms']} ms",
                           f"{ms(r['p99_us']):.2f} ms (baseline {bp99:.2f} ms)",
                           ms(r["p99_us"]) < TARGETS["read_p99_ms"]))
        a, b = res.get("list_1k", {}).get("32"), res.get("list_100k", {}).get("32")
        if b and b.get("requests"):
            size, ref = nearest_sized(th, b["bytes"] / b["requests"])
            if ref:
                ratio = b["rps"] / ref["rps"]
                checks.append((f"{slug} list_100k (context, not a target): req/s at 32 conns /"
                               f" baseline answering {size} bytes", "-", f"{ratio:.3f}", None))
        if a and b:
            diff = abs(a["rps"] - b["rps"]) / max(a["rps"], b["rps"])
            checks.append((f"{slug} list: 1k vs 100k tenant at 32 conns", "within 10%",
                           f"{diff * 100:.1f}%", diff <= TARGETS["list_1k_vs_100k"]))
    st = data["startup"]
    demo = statistics.median(st["demo"])
    checks.append(("startup to first 200, demo fixtures (median)",
                   f"< {TARGETS['startup_demo_ms']:.0f} ms", f"{demo:.1f} ms",
                   demo < TARGETS["startup_demo_ms"]))
    for slug, b in st["big"].items():
        t = statistics.median(b["startup_ms"])
        checks.append((f"startup to first 200, {slug} {data['conditions']['candidates']} "
                       "candidates (median)", f"< {TARGETS['startup_100k_ms']:.0f} ms",
                       f"{t:.0f} ms", t < TARGETS["startup_100k_ms"]))
        peak = b["peak_rss_kb"] / 1024
        checks.append((f"peak RSS, {slug} {data['conditions']['candidates']} candidates",
                       f"< {TARGETS['rss_100k_mb']:.0f} MB", f"{peak:.0f} MB",
                       peak < TARGETS["rss_100k_mb"]))
    j = data["journal"]
    if len(j["samples"]) > j["rotation"] + 1:
        first = j["samples"][j["rotation"]]["rss_kb"]
        last = j["samples"][-1]["rss_kb"]
        growth = (last - first) / first
        checks.append((f"RSS over {j['requests']} requests, journal on (after the first rotation -> end)",
                       f"growth <= {TARGETS['journal_growth'] * 100:.0f}%",
                       f"{first / 1024:.0f} -> {last / 1024:.0f} MB ({growth * 100:+.1f}%)",
                       growth <= TARGETS["journal_growth"]
                       and j["requests"] >= data["conditions"]["journal_requests"]))
    else:
        checks.append(("RSS with the journal on", "two whole rotations",
                       f"{len(j['samples']) - 1} chunks of {j['rotation']}", False))
    return checks


def report(data, checks, md_path):
    c = data["conditions"]
    th = data["throughput"]
    lines = [
        "# ats-sandbox benchmarks",
        "",
        f"Written by `bench/run.sh` on {c['date']}. {c['label']}",
        "",
        f"- machine: {c['cores']} cores, {c['memory_gb']:.0f} GiB, {c['cpu']}; {c['os']};"
        f" load average at start {c['loadavg_start']}, at end {c['loadavg_end']}",
        f"- servers: {c['workers']} actix workers each (sandbox and baseline), release build;"
        f" load generator: {c['wrk']} with {c['wrk_threads']} threads on the same machine",
        f"- each point: {c['warmup']} s warm-up, then {c['duration']} s measured;"
        f" fixtures generated with seed 7 ({c['candidates']} and {c['small_candidates']}"
        " candidates)",
        "- ratio: requests/s of the row divided by the baseline's at the same connection count,"
        " in this run (the baseline is measured before and after the sandbox; the mean of the"
        " two is used, and their difference is shown as drift)",
        "- server us/req: the server process's CPU time (user + system, from /proc) over the"
        " measured run, per request; wrk's own CPU is not in it. With wrk on the same cores,"
        " it is the steadier measure of what a request costs the server",
        "",
        "## Targets",
        "",
        "| target | wanted | got | |",
        "|---|---|---|---|",
    ]
    for name, want, got, ok in checks:
        verdict = "context" if ok is None else ("pass" if ok else "**MISSED**")
        lines.append(f"| {name} | {want} | {got} | {verdict} |")
    lines += [
        "",
        "## Throughput and latency",
        "",
        "| server | scenario | request | conns | req/s | ratio | p50 ms | p99 ms | bytes/answer |"
        " server us/req | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for conns in CONNECTIONS:
        b = th["baseline"][str(conns)]
        drift = f", drift {b['drift'] * 100:+.0f}%" if "drift" in b else ""
        lines.append(f"| baseline | fixed JSON (mean of start and end{drift}) | `GET /` |"
                     f" {conns} | {b['rps']:.0f} | 1.00 |"
                     f" {ms(b['p50_us']):.2f} | {ms(b['p99_us']):.2f} | {per_answer(b)} |"
                     f" {cpu_per_request(b)} | {sum(b['errors'].values())} |")
    for size, b in (th.get("baseline_sized") or {}).items():
        ratio = b["rps"] / th["baseline"]["32"]["rps"]
        lines.append(f"| baseline | fixed JSON of {size} bytes (context for list pages) |"
                     f" `GET /sized/{size}` | 32 | {b['rps']:.0f} | {ratio:.3f} |"
                     f" {ms(b['p50_us']):.2f} | {ms(b['p99_us']):.2f} | {per_answer(b)} |"
                     f" {cpu_per_request(b)} | {sum(b['errors'].values())} |")
    for slug, res in th["vendors"].items():
        for name, r in res.items():
            if "skipped" in r:
                lines.append(f"| {slug} | {name} | skipped: {r['skipped']} | | | | | | | | |")
                continue
            for conns in CONNECTIONS:
                x = r[str(conns)]
                ratio = x["rps"] / th["baseline"][str(conns)]["rps"]
                lines.append(f"| {slug} | {name} | `{r['request']}` | {conns} | {x['rps']:.0f} |"
                             f" {ratio:.3f} | {ms(x['p50_us']):.2f} | {ms(x['p99_us']):.2f} |"
                             f" {per_answer(x)} | {cpu_per_request(x)} |"
                             f" {sum(x['errors'].values())} |")
    st = data["startup"]
    lines += [
        "",
        "## Startup and memory",
        "",
        "| fixtures | startup to first 200 (each try) | RSS after start | peak RSS |",
        "|---|---|---|---|",
        f"| demo | {', '.join(f'{t:.1f} ms' for t in st['demo'])} |"
        f" {st['demo_rss_kb'] / 1024:.0f} MB | |",
    ]
    for slug, b in st["big"].items():
        lines.append(f"| {slug}, {c['candidates']} candidates (each with an application) |"
                     f" {', '.join(f'{t:.0f} ms' for t in b['startup_ms'])} |"
                     f" {b['rss_kb'] / 1024:.0f} MB | {b['peak_rss_kb'] / 1024:.0f} MB |")
    written = sum(r.get(str(n), {}).get("requests", 0) for res in th["vendors"].values()
                  for name, r in res.items() if name == "write" for n in CONNECTIONS)
    lines.append(f"| every vendor with {c['candidates']} at once (the throughput server) |"
                 f" {th['startup_all_100k_ms']:.0f} ms | {th['sandbox_rss_kb'] / 1024:.0f} MB"
                 f" at the end of the throughput runs, which wrote over {written} records |"
                 f" {th['sandbox_peak_rss_kb'] / 1024:.0f} MB |")
    j = data["journal"]
    lines += [
        "",
        f"## RSS with the journal on (1000 entries per tenant), {j['requests']} requests",
        "",
        "32 connections, chunks of "
        f"{c['journal_chunk']} s rotating over each vendor's read by id and list page of 100"
        " (writes left out: they grow the store, as they should).",
        "",
        "| requests so far | RSS MB |",
        "|---|---|",
    ]
    for s in j["samples"]:
        lines.append(f"| {s['requests']} | {s['rss_kb'] / 1024:.1f} |")
    lines.append(f"\nHighest RSS sampled (every 0.5 s): {j['max_rss_kb'] / 1024:.1f} MB.")
    lines.append("")
    with open(md_path, "w") as f:
        f.write("\n".join(lines))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sandbox", required=True, help="the release ats-sandbox binary")
    p.add_argument("--baseline", required=True, help="the release baseline example binary")
    p.add_argument("--work", required=True, help="scratch directory (fixtures, server output)")
    p.add_argument("--out", required=True, help="BENCHMARKS.md to write; the JSON goes beside it")
    p.add_argument("--label", default="", help="a line saying under what conditions this ran")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--wrk-threads", type=int, default=2)
    p.add_argument("--duration", type=int, default=8, help="seconds measured per point")
    p.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per point")
    p.add_argument("--candidates", type=int, default=100_000)
    p.add_argument("--small-candidates", type=int, default=1_000)
    p.add_argument("--journal-requests", type=int, default=1_000_000)
    p.add_argument("--journal-chunk", type=int, default=5)
    p.add_argument("--journal-max-seconds", type=int, default=300)
    p.add_argument("--startup-repeats", type=int, default=5)
    p.add_argument("--big-repeats", type=int, default=3)
    p.add_argument("--quick", action="store_true",
                   help="short points (2 s, 1 s warm-up), 200k journal requests: to check the"
                        " harness, not to quote")
    p.add_argument("--report-only", action="store_true",
                   help="rewrite BENCHMARKS.md from the JSON beside --out, without measuring")
    args = p.parse_args()
    json_path = os.path.splitext(args.out)[0] + ".json"
    if args.report_only:
        with open(json_path) as f:
            data = json.load(f)
        checks = evaluate(data)
        report(data, checks, args.out)
        log(f"rewrote {args.out} from {json_path}")
        return 0
    if args.quick:
        args.duration, args.warmup, args.journal_requests = 2, 1, 200_000
        args.startup_repeats, args.big_repeats, args.journal_chunk = 3, 1, 3
    os.makedirs(args.work, exist_ok=True)
    started = time.monotonic()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    wrk_version = (wrk_version.stdout + wrk_version.stderr).strip().splitlines()[0]
    wrk_version = " ".join(wrk_version.split()[:2])
    cpu = "unknown cpu"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    conditions = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "label": args.label, "cores": os.cpu_count(), "memory_gb": mem, "cpu": cpu,
        "os": platform.platform(), "loadavg_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "workers": args.workers, "wrk": wrk_version, "wrk_threads": args.wrk_threads,
        "duration": args.duration, "warmup": args.warmup, "candidates": args.candidates,
        "small_candidates": args.small_candidates, "journal_requests": args.journal_requests,
        "journal_chunk": args.journal_chunk, "quick": args.quick,
    }
    load = Load(args)
    served = served_vendors(args, args.work)
    log(f"generating fixtures ({args.candidates} and {args.small_candidates} candidates)")
    big, small = {}, {}
    for v in served:
        d = generate(args.sandbox, v.slug, args.candidates, 7,
                     os.path.join(args.work, f"{v.slug}-{args.candidates}"))
        if d:
            big[v.slug] = d
        d = generate(args.sandbox, v.slug, args.small_candidates, 7,
                     os.path.join(args.work, f"{v.slug}-{args.small_candidates}"))
        if d:
            small[v.slug] = d
    data = {"conditions": conditions}
    data["startup"] = phase_startup(args, args.work, served, big)
    data["throughput"] = phase_throughput(args, args.work, served, small, big, load)
    log(f"journal: {args.journal_requests} requests")
    data["journal"] = phase_journal(args, args.work, served, small, load)
    conditions["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    conditions["seconds"] = round(time.monotonic() - started)
    checks = evaluate(data)
    data["targets"] = [
        {"target": n, "wanted": w, "got": g, "pass": ok} for n, w, g, ok in checks
    ]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    report(data, checks, args.out)
    log(f"wrote {args.out} and {json_path} in {conditions['seconds']} s")
    for name, want, got, ok in checks:
        verdict = "info  " if ok is None else ("pass  " if ok else "MISSED")
        print(f"  {verdict} {name}: {got} (wanted {want})")


if __name__ == "__main__":
    sys.exit(main())
