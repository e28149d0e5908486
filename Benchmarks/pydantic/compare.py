"""Times our JSON decode and encode against pydantic v2 and orjson on the same organisation document.

Usage: python compare.py BENCHMARK_BINARY [--size small|large] [--rounds N]

Writes the document once with the Swift benchmark binary, then, alternating round by round:
  - our decode (every invariant re-checked) and encode, timed inside the Swift process (`time-json`);
  - pydantic's model_validate_json and model_dump_json on an equivalent pydantic model of the format;
  - orjson.loads on the same bytes, the floor of parsing.
Reports medians and the ratios ours / theirs.
"""

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


def main():
    binary = sys.argv[1]
    size = sys.argv[sys.argv.index("--size") + 1] if "--size" in sys.argv else "large"
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        subprocess.run([binary, "write-json", "--size", size, file.name], check=True, capture_output=True)
        data = open(file.name, "rb").read()
        print(f"document: {size}, {len(data) / 1_048_576:.1f} MiB")
        ours_decode, ours_encode, theirs_decode, theirs_encode, floor = [], [], [], [], []
        for _ in range(rounds):
            output = subprocess.run([binary, "time-json", file.name], check=True, capture_output=True, text=True).stdout
            words = output.split()
            ours_decode.append(float(words[1]))
            ours_encode.append(float(words[3]))

            start = time.perf_counter()
            model = Organization.model_validate_json(data)
            theirs_decode.append(time.perf_counter() - start)
            start = time.perf_counter()
            model.model_dump_json()
            theirs_encode.append(time.perf_counter() - start)

            start = time.perf_counter()
            orjson.loads(data)
            floor.append(time.perf_counter() - start)
        median = statistics.median
        print(f"ours:     decode {median(ours_decode):.3f} s, encode {median(ours_encode):.3f} s")
        print(f"pydantic: validate {median(theirs_decode):.3f} s, dump {median(theirs_encode):.3f} s")
        print(f"orjson:   loads {median(floor):.3f} s")
        print(f"decode / pydantic validate: {median(ours_decode) / median(theirs_decode):.2f}x (target < 1)")
        print(f"encode / pydantic dump:     {median(ours_encode) / median(theirs_encode):.2f}x (target < 1)")
        print(f"decode / orjson loads:      {median(ours_decode) / median(floor):.2f}x (target <= 2)")


main()
