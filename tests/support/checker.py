"""Walk the checker through Django's test client, like a person filling in each step.

A checker page is read, and a step's answers built, by triage/checker_markup.py,
which `make bench` uses too.
"""

from dataclasses import dataclass, field

from triage.checker_markup import answers_for, read_page
from triage.flow import STEPS


@dataclass
class Checker:
    client: object
    htmx: bool = False
    html: str = ""
    status: int = 0
    response: object = None
    state: str = ""
    history: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # every screen shown, in order
    path: str = "/check/"  # "/es/check/" walks the checker in Spanish

    def _read(self, response):
        self.response = response
        self.status = response.status_code
        self.html = response.content.decode()
        self.state = read_page(self.html)[1]
        self.history.append(self.step)
        self.pages.append(self.html)
        return self

    @property
    def step(self) -> str:
        return read_page(self.html)[0]

    def start(self):
        return self._read(self.client.get(self.path, **self._headers()))

    def _headers(self):
        return {"HTTP_HX_REQUEST": "true"} if self.htmx else {}

    def post(self, data: dict | None = None, action: str = "next"):
        payload = {"state": self.state, "action": action, **(data or {})}
        return self._read(self.client.post(self.path, payload, **self._headers()))

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
            if step == "result":
                return self
            self.post(answers_for(step, yes, unsure))
            assert self.step != step or step == "result", f"stuck on {step}: {self.html[:500]}"
        raise AssertionError("the check never reached a result")
