"""Times our JSON decode and encode against pydantic v2 and orjson on the same organisation document.

Usage: python compare.py BENCHMARK_BINARY [--size small|large] [--rounds N]

Writes the document once with the Swift benchmark binary, then, alternating round by round:
  - our decode (every invariant re-checked), compact encode and pretty encode, timed inside the Swift
    process (`time-json`);
  - pydantic's model_validate_json and model_dump_json on an equivalent pydantic model of the format;
  - orjson.loads on the same bytes, the floor of parsing, and orjson.dumps of what it read, the floor of
    writing.
The Python side is timed as a careful user runs bulk loads: with the cyclic garbage collector off
(gc.disable(), and gc.collect() between rounds). The same figures with the collector on are reported beside
them. Reports the best round and the median, and the ratios ours / theirs on the best rounds.
"""

import gc
import statistics
import subprocess
import sys
import tempfile
import time
from typing import List, Literal, Optional

import orjson
from pydantic import BaseModel, Field


class DataAsset(BaseModel):
    id: str
    name: str
    kind: str = "operational"


class Department(BaseModel):
    id: str
    name: str
    function: str = ""
    parent: Optional[str] = None
    head: Optional[str] = None
    dataAssets: List[DataAsset] = []


class SkillEntry(BaseModel):
    skill: str
    proficiency: Literal["novice", "competent", "proficient", "expert"]


class Specialist(BaseModel):
    id: str
    name: str
    title: str = ""
    department: str
    skills: List[SkillEntry] = []


class ValueArea(BaseModel):
    kind: str
    detail: Optional[str] = None


class Mission(BaseModel):
    statement: str
    valueArea: Optional[ValueArea] = None
    customer: str = ""
    requiredSkills: List[str] = []
    requiredData: List[str] = []
    goalContribution: str = ""


class Membership(BaseModel):
    specialist: str
    role: str
    share: int = Field(ge=1, le=100)
    since: Optional[str] = None


class Limit(BaseModel):
    amount: float
    unit: str


class DecisionRight(BaseModel):
    id: str
    scope: str
    limit: Optional[Limit] = None


class Grant(BaseModel):
    asset: str
    approvedBy: Optional[str] = None
    reason: str = ""
    expires: Optional[str] = None


class Outcome(BaseModel):
    id: str
    metric: str
    unit: str = ""
    baseline: Optional[float] = None
    target: Optional[float] = None
    current: Optional[float] = None
    direction: Literal["increase", "decrease"] = "increase"
    weight: float = 1


class Accountability(BaseModel):
    outcomes: List[Outcome] = []
    owner: Optional[str] = None
    reviewCadence: Optional[int] = None
    toleratedSmallFailures: int = 0


class PastMembership(BaseModel):
    specialist: str
    role: str
    share: int
    since: Optional[str] = None
    until: Optional[str] = None
    reason: str


class Cycle(BaseModel):
    started: str
    ended: Optional[str] = None
    tried: str
    broke: str = ""
    fix: str = ""
    lesson: str = ""
    result: Literal["worked", "smallFailure", "largeFailure"]


class Squad(BaseModel):
    id: str
    name: str
    stage: Literal["forming", "piloting", "operating", "replicating", "dissolved"] = "forming"
    cycleLength: Optional[int] = None
    mission: Mission
    memberships: List[Membership] = []
    decisionRights: List[DecisionRight] = []
    grants: List[Grant] = []
    accountability: Accountability = Accountability()
    history: List[PastMembership] = []
    cycles: List[Cycle] = []


class Organization(BaseModel):
    schemaVersion: int
    name: str
    goal: str = ""
    departments: List[Department] = []
    specialists: List[Specialist] = []
    squads: List[Squad] = []


def timed(function, collector_on):
    """Seconds `function` takes, with Python's cyclic garbage collector on or off while it runs."""
    gc.collect()
    if collector_on:
        gc.enable()
    else:
        gc.disable()
    try:
        start = time.perf_counter()
        result = function()
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def main():
    binary = sys.argv[1]
    size = sys.argv[sys.argv.index("--size") + 1] if "--size" in sys.argv else "large"
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        subprocess.run([binary, "write-json", "--size", size, file.name], check=True, capture_output=True)
        data = open(file.name, "rb").read()
        print(f"document: {size}, {len(data) / 1_048_576:.1f} MiB")
        figures = {name: [] for name in [
            "ours decode", "ours encode", "ours pretty", "pydantic validate", "pydantic dump", "orjson loads",
            "orjson dumps", "pydantic validate (GC on)", "pydantic dump (GC on)", "orjson loads (GC on)"]}
        for _ in range(rounds):
            output = subprocess.run([binary, "time-json", file.name], check=True, capture_output=True, text=True).stdout
            words = output.split()
            figures["ours decode"].append(float(words[words.index("decode") + 1]))
            figures["ours encode"].append(float(words[words.index("encode") + 1]))
            figures["ours pretty"].append(float(words[words.index("pretty") + 1]))
            for collector_on in (False, True):
                suffix = " (GC on)" if collector_on else ""
                seconds, model = timed(lambda: Organization.model_validate_json(data), collector_on)
                figures["pydantic validate" + suffix].append(seconds)
                seconds, _ = timed(model.model_dump_json, collector_on)
                figures["pydantic dump" + suffix].append(seconds)
                del model
                seconds, tree = timed(lambda: orjson.loads(data), collector_on)
                figures["orjson loads" + suffix].append(seconds)
                if not collector_on:
                    seconds, _ = timed(lambda: orjson.dumps(tree), collector_on)
                    figures["orjson dumps"].append(seconds)
                del tree
        best = {name: min(values) for name, values in figures.items()}
        for name, values in figures.items():
            print(f"{name:27} best {min(values):.3f} s, median {statistics.median(values):.3f} s")
        print(f"decode / pydantic validate (GC off): {best['ours decode'] / best['pydantic validate']:.2f}x (target < 1)")
        print(f"decode / orjson loads (GC off):      {best['ours decode'] / best['orjson loads']:.2f}x (goal <= 1.5)")
        print(f"encode / orjson dumps (GC off):      {best['ours encode'] / best['orjson dumps']:.2f}x (target <= 2)")
        print(f"encode / pydantic dump (GC off):     {best['ours encode'] / best['pydantic dump']:.2f}x")
        print(f"pretty encode / compact encode:      {best['ours pretty'] / best['ours encode']:.2f}x (target <= 1.5)")
        print(f"decode / pydantic validate (GC on):  {best['ours decode'] / best['pydantic validate (GC on)']:.2f}x")


main()
