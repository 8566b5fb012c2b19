"""Walk the checker through Django's test client, like a person filling in each step.

The two patterns below read a checker page; scripts/bench.py walks the checker the same way.
"""

import re
from dataclasses import dataclass, field

from triage.flow import STEPS

STATE = re.compile(r'name="state" value="([^"]+)"')
STEP = re.compile(r'data-step="(\w+)"')


@dataclass
class Checker:
    client: object
    htmx: bool = False
    html: str = ""
    status: int = 0
    response: object = None
    state: str = ""
    history: list[str] = field(default_factory=list)

    def _read(self, response):
        self.response = response
        self.status = response.status_code
        self.html = response.content.decode()
        match = STATE.search(self.html)
        self.state = match.group(1) if match else ""
        self.history.append(self.step)
        return self

    @property
    def step(self) -> str:
        match = STEP.search(self.html)
        return match.group(1) if match else ""

    def start(self):
        return self._read(self.client.get("/check/", **self._headers()))

    def _headers(self):
        return {"HTTP_HX_REQUEST": "true"} if self.htmx else {}

    def post(self, data: dict | None = None, action: str = "next"):
        payload = {"state": self.state, "action": action, **(data or {})}
        return self._read(self.client.post("/check/", payload, **self._headers()))

    def answer_all(self, value: str = "no", **answers: str):
        """Answer the current question step: named findings as given, the rest `value`."""
        codes = STEPS[self.step].findings
        return self.post({code: answers.get(code, value) for code in codes})

    def run(self, age: int, yes: set[str] = frozenset(), unsure: set[str] = frozenset()):
        """Complete a whole check, answering yes to `yes` and not sure to `unsure`."""
        self.start()
        self.post({"age": str(age)})
        for _ in range(20):
            step = self.step
            if step == "red_flags":
                signs = [c for c in STEPS[step].findings if c in yes or c in unsure]
                self.post({"signs": signs} if signs else {"none": "on"})
            elif step == "review":
                self.post()
            elif step == "result":
                return self
            else:
                self.post(
                    {
                        code: "yes" if code in yes else "unsure" if code in unsure else "no"
                        for code in STEPS[step].findings
                    }
                )
            assert self.step != step or step == "result", f"stuck on {step}: {self.html[:500]}"
        raise AssertionError("the check never reached a result")
