"""wrk, flat out and at a steady rate, with every answer checked.

Flat out: ``wrk -t2 -c50`` for throughput. Steady: the same requests paced by a
Lua ``delay()`` to a fixed total rate (Debian has no wrk2), for the latency a
person sees when the site is busy but not overloaded. Pacing per connection
means a slow answer delays that connection's next request, so the rate
actually reached is reported beside the target rate: when it falls short, the
server could not keep up and the latency understates the truth.
"""

import json
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from scripts.bench.processes import Processes
from scripts.bench.site import Target

CONNECTIONS, THREADS = 50, 2
STEADY_CONNECTIONS = 20

# Counts answers that are not what the target should answer (e.g. the form shown
# again with an error), which wrk alone would count as successes.
SCRIPT = """
wrk.method = {method}
wrk.body = {body}
wrk.headers["Content-Type"] = {content_type}
local expected = {expected}
local interval = {interval_ms}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) wrong = 0 end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, expected, 1, true) then wrong = wrong + 1 end
end
if interval > 0 then
  -- Spread evenly around the interval, so the connections do not send in step.
  function delay() return interval * (0.5 + math.random()) end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("wrong") end
  io.write(string.format("wrong responses: %d\\n", total))
end
"""


@dataclass
class LoadResult:
    name: str
    request: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: str
    wrong: int
    rate: int = 0  # the steady rate asked for; 0 for flat out
    # Flat out, every round's requests/s when the target was measured more than once.
    round_rates: tuple[float, ...] = ()


def median_of(results: list[LoadResult]) -> LoadResult:
    """The round with the median requests/s, standing for all of them.

    The machine is shared, so one round can be slowed by a neighbour; rounds of
    each target are interleaved with the other targets' (scripts/bench/__main__.py)
    and the median is reported, never the best. Answers that were not 2xx, or
    wrong, are counted over every round.
    """
    ordered = sorted(results, key=lambda result: result.requests_per_second)
    middle = ordered[(len(ordered) - 1) // 2]
    return replace(
        middle,
        non_2xx=sum(result.non_2xx for result in results),
        wrong=sum(result.wrong for result in results),
        round_rates=tuple(result.requests_per_second for result in results),
    )


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of ASCII text is a valid Lua string literal


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse(name: str, request: str, output: str, rate: int) -> LoadResult:
    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, output)
        return match.group(1) if match else default

    return LoadResult(
        name=name,
        request=request,
        requests_per_second=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=to_ms(find(r"\n\s+50%\s+(\S+)", "0us")),
        p99_ms=to_ms(find(r"\n\s+99%\s+(\S+)", "0us")),
        requests=int(find(r"(\d+) requests in")),
        non_2xx=int(find(r"Non-2xx or 3xx responses: (\d+)")),
        socket_errors=find(r"Socket errors: (.+)", "none"),
        wrong=int(find(r"wrong responses: (\d+)")),
        rate=rate,
    )


def wrk(
    procs: Processes,
    work: Path,
    name: str,
    base: str,
    target: Target,
    duration: int,
    rate: int = 0,
) -> LoadResult:
    """Flat out at 50 connections, or paced to ``rate`` requests/s in total."""
    connections = STEADY_CONNECTIONS if rate else CONNECTIONS
    interval_ms = connections * 1000 / rate if rate else 0
    script = work / f"{re.sub(r'\W+', '-', name)}.lua"
    script.write_text(
        SCRIPT.format(
            method=lua_string(target.method),
            body=lua_string(target.body) if target.body else "nil",
            content_type=lua_string(target.content_type) if target.content_type else "nil",
            expected=lua_string(target.expected),
            interval_ms=interval_ms,
        )
    )
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", "--latency", "-s", str(script)]
    url = base + target.path
    # Two seconds first so every worker has loaded templates and opened its database.
    procs.run([*command, "-d2s", url], timeout=60, stdout=subprocess.DEVNULL)
    output = procs.run(
        [*command, f"-d{duration}s", url], timeout=duration + 60, stdout=subprocess.PIPE, text=True
    ).stdout
    result = parse(name, f"{target.method} {target.path}", output, rate)
    print(
        f"  {name}: {result.requests_per_second:,.0f} req/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, non-2xx {result.non_2xx}, wrong {result.wrong}",
        flush=True,
    )
    return result
