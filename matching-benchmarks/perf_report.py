#!/usr/bin/env python3
"""Turns JMH JSON results of the matching benchmarks into Markdown tables and an SVG plot.

Usage: perf_report.py RESULTS_DIR SVG_OUT
  RESULTS_DIR holds latency.json (TopJobsBenchmark, TopWorkersBenchmark; SampleTime mode) and,
  optionally, build-index.json, build-lucene.json (BuildBenchmark) and upsert.json.
  Prints the Markdown tables on stdout and writes the latency plot (log-log, mean +- JMH 99.9%
  error, per peer and direction) to SVG_OUT. The plot and the first latency table are of the
  SAMPLE market shape (results without a "shape" parameter count as SAMPLE); results of other
  shapes (-p shape=...) get a latency table each, after it. Python 3 standard library only.
"""
import json
import math
import os
import sys

PEERS = ["index", "lucene", "bruteForce", "bruteForceFull"]
LABELS = {"index": "matching index", "lucene": "Lucene 9.12 + kernel rescoring",
          "bruteForce": "brute force, kernel early exit", "bruteForceFull": "brute force, plain loop"}
COLORS = {"index": "#1f77b4", "lucene": "#2ca02c", "bruteForce": "#d62728", "bruteForceFull": "#ff7f0e"}
DIRECTIONS = {"TopJobsBenchmark": "top-20 jobs for a worker", "TopWorkersBenchmark": "top-20 workers for a job"}


def load(path):
  if not os.path.exists(path):
    return []
  with open(path, encoding="utf-8") as f:
    return json.load(f)


def to_ms(value, unit):
  scale = {"us/op": 1e-3, "ms/op": 1.0, "s/op": 1e3, "ns/op": 1e-6}[unit]
  return value * scale


def shape_of(result):
  return result.get("params", {}).get("shape", "SAMPLE")


def latency_rows(results, shape="SAMPLE"):
  """{(direction, jobs): {peer: metrics}} from SampleTime results of one market shape, in milliseconds."""
  rows = {}
  for r in results:
    cls, method = r["benchmark"].split(".")[-2:]
    if cls not in DIRECTIONS or shape_of(r) != shape:
      continue
    m = r["primaryMetric"]
    unit = m["scoreUnit"]
    pct = m.get("scorePercentiles", {})
    rows.setdefault((cls, int(r["params"]["jobs"])), {})[method] = {
        "mean": to_ms(m["score"], unit),
        "error": to_ms(m["scoreError"], unit) if not math.isnan(m["scoreError"]) else 0.0,
        "p50": to_ms(pct.get("50.0", float("nan")), unit),
        "p99": to_ms(pct.get("99.0", float("nan")), unit),
        "p999": to_ms(pct.get("99.9", float("nan")), unit),
        "max": to_ms(pct.get("100.0", float("nan")), unit),
    }
  return rows


def ratio(slow, fast):
  """Ratio of means and the range the error bars allow."""
  r = slow["mean"] / fast["mean"]
  lo = (slow["mean"] - slow["error"]) / (fast["mean"] + fast["error"])
  hi_den = fast["mean"] - fast["error"]
  hi = (slow["mean"] + slow["error"]) / hi_den if hi_den > 0 else float("inf")
  return "%.1fx (%.1f-%.1f)" % (r, lo, hi)


def fmt(x):
  if math.isnan(x):
    return "-"
  return "%.3f" % x if x < 10 else "%.1f" % x


def latency_table(rows):
  out = ["| direction | jobs | workers | peer | mean ± error (ms) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | brute force / peer | peer / index |",
         "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
  for (cls, jobs) in sorted(rows, key=lambda k: (k[0], k[1])):
    peers = rows[(cls, jobs)]
    for peer in PEERS:
      if peer not in peers:
        continue
      m = peers[peer]
      vs_brute = ratio(peers["bruteForce"], m) if "bruteForce" in peers and peer != "bruteForce" else "-"
      vs_index = ratio(m, peers["index"]) if "index" in peers and peer != "index" else "-"
      out.append("| %s | %s | %s | %s | %s ± %s | %s | %s | %s | %s | %s | %s |" % (
          DIRECTIONS[cls], "{:,}".format(jobs), "{:,}".format(max(1000, jobs // 10)), LABELS[peer],
          fmt(m["mean"]), fmt(m["error"]), fmt(m["p50"]), fmt(m["p99"]), fmt(m["p999"]), fmt(m["max"]),
          vs_brute, vs_index))
  return "\n".join(out)


def other_table(build_results, upsert_results):
  out = ["| benchmark | params | mode | score ± error | unit |", "|---|---|---|---:|---|"]
  for r in build_results + upsert_results:
    m = r["primaryMetric"]
    params = ", ".join("%s=%s" % kv for kv in sorted(r.get("params", {}).items()))
    out.append("| %s | %s | %s | %.1f ± %.1f | %s |" % (
        ".".join(r["benchmark"].split(".")[-2:]), params, r["mode"], m["score"], m["scoreError"], m["scoreUnit"]))
    for name, s in sorted(r.get("secondaryMetrics", {}).items()):
      out.append("| &nbsp;&nbsp;%s | %s | %s | %.1f ± %.1f | %s |" % (name, params, r["mode"], s["score"], s["scoreError"], s["scoreUnit"]))
  return "\n".join(out)


def svg_plot(rows, path):
  width, height = 760, 460
  left, right, top, bottom = 70, 250, 40, 60
  points = [m for peers in rows.values() for m in peers.values()]
  xs = sorted({jobs for (_, jobs) in rows})
  ymin = min(max(1e-4, m["mean"] - m["error"]) for m in points)
  ymax = max(m["mean"] + m["error"] for m in points)
  lx0, lx1 = math.log10(xs[0]) - 0.15, math.log10(xs[-1]) + 0.15
  ly0, ly1 = math.floor(math.log10(ymin)), math.ceil(math.log10(ymax))

  def px(jobs):
    return left + (math.log10(jobs) - lx0) / (lx1 - lx0) * (width - left - right)

  def py(ms):
    return top + (ly1 - math.log10(max(ms, 10 ** ly0))) / (ly1 - ly0) * (height - top - bottom)

  s = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
       '<rect width="100%" height="100%" fill="white"/>',
       '<text x="%d" y="22" font-size="14" font-weight="bold">Top-20 latency vs market size (mean ± JMH 99.9%% error, log-log)</text>' % left]
  for e in range(int(ly0), int(ly1) + 1):
    y = py(10 ** e)
    s.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (left, y, width - right, y))
    s.append('<text x="%d" y="%.1f" text-anchor="end">%s ms</text>' % (left - 6, y + 4, ("%g" % (10 ** e))))
  for jobs in xs:
    x = px(jobs)
    s.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x, top, x, height - bottom))
    s.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (x, height - bottom + 18, "{:,}".format(jobs)))
  s.append('<text x="%.1f" y="%d" text-anchor="middle">jobs in the market (workers: 10%%, at least 1,000)</text>' % ((left + width - right) / 2, height - 15))
  s.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333"/>' % (left, top, width - left - right, height - top - bottom))
  legend_y = top + 10
  for cls, dash in (("TopJobsBenchmark", ""), ("TopWorkersBenchmark", ' stroke-dasharray="6,4"')):
    for peer in PEERS:
      series = sorted((jobs, peers[peer]) for (c, jobs), peers in rows.items() if c == cls and peer in peers)
      if not series:
        continue
      color = COLORS[peer]
      path_d = " ".join(("M" if i == 0 else "L") + "%.1f,%.1f" % (px(j), py(m["mean"])) for i, (j, m) in enumerate(series))
      s.append('<path d="%s" fill="none" stroke="%s" stroke-width="2"%s/>' % (path_d, color, dash))
      for j, m in series:
        x = px(j)
        s.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>' % (x, py(m["mean"] + m["error"]), x, py(max(m["mean"] - m["error"], 1e-9)), color))
        s.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (x, py(m["mean"]), color))
      lx = width - right + 15
      s.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>' % (lx, legend_y, lx + 25, legend_y, color, dash))
      s.append('<text x="%d" y="%d">%s</text>' % (lx + 30, legend_y + 4, LABELS[peer]))
      s.append('<text x="%d" y="%d" fill="#666" font-size="10">%s</text>' % (lx + 30, legend_y + 16, DIRECTIONS[cls]))
      legend_y += 34
  s.append("</svg>")
  with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(s) + "\n")


def main():
  if len(sys.argv) != 3:
    sys.exit(__doc__)
  results_dir, svg_out = sys.argv[1], sys.argv[2]
  latency = load(os.path.join(results_dir, "latency.json"))
  rows = latency_rows(latency)
  if not rows:
    sys.exit("no TopJobsBenchmark/TopWorkersBenchmark results of the SAMPLE shape in " + results_dir)
  print(latency_table(rows))
  print()
  for shape in sorted({shape_of(r) for r in latency} - {"SAMPLE"}):
    shaped = latency_rows(latency, shape)
    if shaped:
      print("Shape %s:" % shape)
      print()
      print(latency_table(shaped))
      print()
  others = load(os.path.join(results_dir, "build-index.json")) + load(os.path.join(results_dir, "build-lucene.json"))
  upsert = load(os.path.join(results_dir, "upsert.json"))
  if others or upsert:
    print(other_table(others, upsert))
  svg_plot(rows, svg_out)


if __name__ == "__main__":
  main()
