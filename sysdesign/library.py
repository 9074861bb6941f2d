"""Finds and loads bundled and user scenario, rubric, track and design files.

Bundled files and the user's own (`$SYSDESIGN_HOME/scenarios`, `…/rubrics`) go through the same
loader; a user file with the same id overrides the bundled one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sysdesign import paths
from sysdesign.errors import InvalidInputError, NotFoundError, Problem, SysdesignError
from sysdesign.i18n import josa
from sysdesign.yamlio import LoadedYaml, did_you_mean, read_yaml, validate_as

if TYPE_CHECKING:
    from sysdesign.models.design import Design
    from sysdesign.models.design_plain import PlainEstimates, RubricView
    from sysdesign.models.estimates import EstimateInputs
    from sysdesign.models.lexicon import LexiconFile
    from sysdesign.models.qa import QaTopicFile
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario
    from sysdesign.models.track import Track, TrackFile

TRACKS_FILE = "tracks.yaml"


# ---------------------------------------------------------------- single files


def _unknown_ids(
    loaded: LoadedYaml,
    where: Iterable[tuple[tuple[str | int, ...], str]],
    known: Iterable[str],
    what_en: str,
    what_ko: str,
) -> list[Problem]:
    """A located problem, with "did you mean", for every value in `where` not in `known`."""
    choices = list(known)
    return [
        loaded.problem(
            loc,
            f"unknown {what_en} {value!r} / 알 수 없는 {what_ko} {value!r}"
            + did_you_mean(value, choices),
        )
        for loc, value in where
        if value not in choices
    ]


def _rubric_problems(rubric: Rubric, loaded: LoadedYaml) -> list[Problem]:
    from sysdesign.models.ids import RULE_IDS
    from sysdesign.models.kinds import KIND_QUALIFIERS, KINDS

    Located = list[tuple[tuple[str | int, ...], str]]
    rules: Located = [(("avoid_findings", i), r) for i, r in enumerate(rubric.avoid_findings)]
    rules += [
        (("deep_dives", d, "triggers", i), r)
        for d, dive in enumerate(rubric.deep_dives)
        for i, r in enumerate(dive.triggers)
    ]
    kinds: Located = [(("expected_kinds", i), k) for i, k in enumerate(rubric.expected_kinds)]
    kinds += [
        (("expected_paths", p, "steps", i), step)
        for p, path in enumerate(rubric.expected_paths)
        for i, step in enumerate(path.steps)
        if not step.startswith("tag:")
    ]
    qualified: list[Problem] = []
    for key, alternatives in rubric.equivalents.items():
        kinds.append((("equivalents", key), key))
        for i, alt in enumerate(alternatives):
            name, _, qualifier = alt.partition(":")
            kinds.append((("equivalents", key, i), name))
            if qualifier not in KIND_QUALIFIERS:
                qualified.append(
                    loaded.problem(
                        ("equivalents", key, i),
                        f"unknown qualifier {qualifier!r} in {alt!r}; only 'sharded' "
                        f"(e.g. sql_db:sharded) / 알 수 없는 한정어 {qualifier!r}: 'sharded'만 "
                        "쓸 수 있습니다(예: sql_db:sharded)",
                    )
                )
    return (
        qualified
        + _unknown_ids(loaded, rules, RULE_IDS, "rule id", "규칙 id")
        + _unknown_ids(loaded, kinds, KINDS, "kind", "컴포넌트 종류")
    )


def _scenario_problems(scenario: Scenario, loaded: LoadedYaml) -> list[Problem]:
    from sysdesign.models.kinds import KINDS

    out: list[Problem] = []
    stem = Path(loaded.file).stem
    if stem != scenario.id and not loaded.file.startswith("<"):
        out.append(
            loaded.problem(
                ("id",),
                f"id {scenario.id!r} differs from the file name {stem!r} / "
                f"id {josa(repr(scenario.id), '이/가')} 파일 이름 {josa(repr(stem), '와/과')} 다릅니다",
            )
        )
    kinds = [
        (("curveball", "expects", "kinds", i), k)
        for i, k in enumerate(scenario.curveball.expects.kinds)
    ]
    return out + _unknown_ids(loaded, kinds, KINDS, "kind", "컴포넌트 종류")


def _design_problems(design: Design, loaded: LoadedYaml) -> list[Problem]:
    from sysdesign.estimate.traffic import input_problems
    from sysdesign.models.design import design_problems

    problems = [loaded.problem(loc, msg) for loc, msg in design_problems(design)]
    # The estimate inputs are text read by the estimate's own readers; read them now, so a
    # bad one is located in the file (and `validate` refuses what `check` would).
    for key, msg in input_problems(design.estimates.given()):
        problems.append(loaded.problem(("estimates", key), msg))
    problems.extend(_capacity_problems(design, loaded))
    return problems


def _capacity_problems(design: Design, loaded: LoadedYaml) -> list[Problem]:
    """Each component's `capacity:` read now with the checker's own reader (so `validate`
    refuses what `check` would)."""
    from sysdesign.errors import UsageError
    from sysdesign.estimate.capacity import parse_capacity

    out: list[Problem] = []
    for cid, comp in design.components.items():
        if comp.capacity is None:
            continue
        try:
            parse_capacity(comp.capacity, cid)
        except UsageError as exc:
            text = str(exc)
            prefix = f"components.{cid}.capacity: "
            out.append(
                loaded.problem(
                    ("components", cid, "capacity"),
                    text[len(prefix) :] if text.startswith(prefix) else text,
                )
            )
    return out


def _finish(obj: Any, problems: list[Problem]) -> Any:
    if problems:
        raise InvalidInputError(problems)
    return obj


def load_scenario(path: Path) -> Scenario:
    from sysdesign.models.scenario import Scenario

    loaded = read_yaml(path)
    scenario = validate_as(Scenario, loaded)
    return _finish(scenario, _scenario_problems(scenario, loaded))  # type: ignore[no-any-return]


def load_scenario_estimates(path: Path) -> EstimateInputs:
    """A scenario file's `estimates:`, the file validated as by `load_scenario`."""
    return load_scenario(path).estimates


def load_plain_estimates(path: Path) -> PlainEstimates:
    """A scenario file's `estimates:` as plain text, without pydantic; only they are checked
    (`check` reads no more of a scenario). When the reader leaves them to the model, the whole
    file is validated as by `load_scenario`."""
    from sysdesign.models.design_plain import PlainEstimates, scenario_estimates

    plain = scenario_estimates(read_yaml(path).data)
    return plain if plain is not None else PlainEstimates.of(load_scenario(path).estimates)


def load_rubric_view(path: Path) -> RubricView:
    """What `check` reads of a rubric file (`RubricView`), without pydantic. Only those parts
    are checked; when the reader leaves them to the model, the whole file is validated as by
    `load_rubric` (and refused with its problems located)."""
    from sysdesign.models.design_plain import RubricView, read_rubric_view
    from sysdesign.models.ids import RULE_IDS

    view = read_rubric_view(read_yaml(path).data, RULE_IDS)
    return view if view is not None else RubricView.of(load_rubric(path))


def load_rubric(path: Path) -> Rubric:
    from sysdesign.models.rubric import Rubric

    loaded = read_yaml(path)
    rubric = validate_as(Rubric, loaded)
    return _finish(rubric, _rubric_problems(rubric, loaded))  # type: ignore[no-any-return]


def load_tracks(path: Path) -> TrackFile:
    from sysdesign.models.track import TrackFile

    return validate_as(TrackFile, read_yaml(path))


def _load_lexicon_file(path: Path) -> LexiconFile:
    from sysdesign.models.lexicon import LexiconFile

    return validate_as(LexiconFile, read_yaml(path))


def cached(loader: Callable[[Path], Any], path: Path, code: Iterable[str] = ()) -> Any:
    """`loader(path)` through the on-disk cache (see `_cached`)."""
    return _cached(loader, path, code)


def load_lexicon(path: Path) -> LexiconFile:
    """The domain lexicon (data/lexicon.yaml), validated and cached like the scenarios."""
    return _cached(_load_lexicon_file, path)  # type: ignore[no-any-return]


def load_design(path: Path) -> Design:
    """Read a design file; the first invalid file stops with every problem in it, located."""
    from sysdesign.models.design import Design

    loaded = read_yaml(path)
    return parse_design(loaded, Design)


def parse_design(loaded: LoadedYaml, model: Any = None) -> Design:
    from sysdesign.models.design import Design

    design = validate_as(model or Design, loaded)
    return _finish(design, _design_problems(design, loaded))  # type: ignore[no-any-return]


def load_design_text(text: str, name: str = "<design>") -> Design:
    from sysdesign.yamlio import parse_yaml

    return parse_design(parse_yaml(text, name))


# ---------------------------------------------------------------- technical-question bank

QA_MIN_PHRASINGS = 3  # example sentences per language for every gradable point
QA_MIN_CLAIM_SAYS = 2  # example sentences per language for every known wrong claim


def qa_dir() -> Path:
    """The bundled technical-question bank: one file per topic, `data/qa/<topic>.yaml`."""
    return paths.bundled("data") / "qa"


def _qa_reference_problems(loaded: LoadedYaml) -> list[Problem]:
    """Duplicate question ids, and follow-ups that name a question or point that does not exist.

    The model refuses these too, but only for the file as a whole; checking the raw YAML first
    lets each message carry its own line.
    """
    data = loaded.data
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list):
        return []
    ids = [q["id"] for q in questions if isinstance(q, dict) and isinstance(q.get("id"), str)]
    out: list[Problem] = []
    seen: set[str] = set()
    for i, q in enumerate(questions):
        qid = q.get("id") if isinstance(q, dict) else None
        if isinstance(qid, str) and qid in seen:
            out.append(
                loaded.problem(
                    ("questions", i, "id"),
                    f"duplicate question id {qid!r} / 질문 id가 중복됩니다: {qid!r}",
                )
            )
        if isinstance(qid, str):
            seen.add(qid)
    for i, q in enumerate(questions):
        if not isinstance(q, dict) or not isinstance(q.get("follow_ups"), list):
            continue
        points = [
            p["id"]
            for p in q.get("points") or []
            if isinstance(p, dict) and isinstance(p.get("id"), str)
        ]
        for j, f in enumerate(q["follow_ups"]):
            if not isinstance(f, dict):
                continue
            ask, point = f.get("ask"), f.get("point")
            if isinstance(ask, str) and ask not in ids:
                out.append(
                    loaded.problem(
                        ("questions", i, "follow_ups", j, "ask"),
                        f"follow-up asks unknown question {ask!r} / 꼬리 질문으로 지정한 질문 "
                        f"{ask!r}, 이 파일에 없습니다" + did_you_mean(ask, ids),
                    )
                )
            if isinstance(point, str) and point not in points:
                out.append(
                    loaded.problem(
                        ("questions", i, "follow_ups", j, "point"),
                        f"follow-up names unknown point {point!r} / 꼬리 질문 조건의 요점 "
                        f"{point!r}, 이 질문에 없습니다" + did_you_mean(point, points),
                    )
                )
    return out


def qa_chain_depths(topic: QaTopicFile) -> dict[str, int]:
    """For each question, how many questions its longest follow-up chain holds (itself included).

    A question without follow-ups has depth 1; "why are goroutines cheap → what happens on a
    blocking syscall → how does work stealing help" has depth 3. A follow-up that would loop back
    into its own chain is not counted (and `validate` reports it).
    """
    asks = {q.id: [f.ask for f in q.follow_ups] for q in topic.questions}
    done: dict[str, int] = {}

    def depth(qid: str, chain: frozenset[str]) -> tuple[int, bool]:
        """(depth, whether a loop was cut below): only uncut results are remembered."""
        if qid in done:
            return done[qid], False
        value, cut = 1, False
        for a in asks[qid]:
            if a in chain or a == qid:
                cut = True
                continue
            below, below_cut = depth(a, chain | {qid})
            value, cut = max(value, 1 + below), cut or below_cut
        if not cut:
            done[qid] = value
        return value, cut

    return {qid: depth(qid, frozenset())[0] for qid in asks}


def _qa_cycles(topic: QaTopicFile) -> list[tuple[int, int, str]]:
    """(question index, follow-up index, question id) of each follow-up that closes a loop."""
    index = {q.id: n for n, q in enumerate(topic.questions)}
    out: list[tuple[int, int, str]] = []
    for n, q in enumerate(topic.questions):
        for j, f in enumerate(q.follow_ups):
            seen: set[str] = set()
            stack = [f.ask]
            while stack:
                cur = stack.pop()
                if cur == q.id:
                    out.append((n, j, f.ask))
                    break
                if cur in seen:
                    continue
                seen.add(cur)
                stack.extend(x.ask for x in topic.questions[index[cur]].follow_ups)
    return out


def _qa_problems(topic: QaTopicFile, loaded: LoadedYaml) -> list[Problem]:
    """What the model cannot say on its own: file name, example sentences, reachability, loops."""
    out: list[Problem] = []
    stem = Path(loaded.file).stem
    if stem != topic.topic and not loaded.file.startswith("<"):
        out.append(
            loaded.problem(
                ("topic",),
                f"topic {topic.topic!r} differs from the file name {stem!r} / 주제와 파일 이름이 "
                f"다릅니다: {topic.topic!r}, {stem!r}",
            )
        )
    asked = {f.ask for q in topic.questions for f in q.follow_ups}
    for n, q in enumerate(topic.questions):
        at: tuple[str | int, ...] = ("questions", n)
        if not q.root and q.id not in asked:
            out.append(
                loaded.problem(
                    (*at, "root"),
                    f"{q.id}: root is false but no follow-up asks it, so it is never asked / "
                    f"{q.id}: root가 false인데 이 질문을 묻는 꼬리 질문이 없어 나올 일이 없습니다",
                )
            )
        for label, ids in (
            ("point", [p.id for p in q.points]),
            ("wrong claim", [c.id for p in q.points for c in p.wrong_claims]),
        ):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                out.append(
                    loaded.problem(
                        at,
                        f"{q.id}: duplicate {label} ids: {', '.join(dupes)} / {q.id}: 중복된 id: "
                        f"{', '.join(dupes)}",
                    )
                )
        for m, p in enumerate(q.points):
            where = (*at, "points", m)
            for lang in ("ko", "en"):
                have = len(getattr(p.phrasings, lang))
                if have < QA_MIN_PHRASINGS:
                    out.append(
                        loaded.problem(
                            (*where, "phrasings", lang) if have else (*where, "phrasings"),
                            f"point {p.id!r} has {have} {lang} phrasings; write at least "
                            f"{QA_MIN_PHRASINGS} / 요점 {p.id!r}의 {lang} 예문이 {have}개입니다. "
                            f"{QA_MIN_PHRASINGS}개 이상 쓰세요",
                        )
                    )
                upper = [k for k in getattr(p.keywords, lang) if k != k.lower()]
                if upper:
                    out.append(
                        loaded.problem(
                            (*where, "keywords", lang),
                            f"keywords are matched in lower case: {', '.join(upper)} / 키워드는 "
                            f"소문자로 씁니다: {', '.join(upper)}",
                        )
                    )
            for c, claim in enumerate(p.wrong_claims):
                for lang in ("ko", "en"):
                    have = len(getattr(claim.says, lang))
                    if have < QA_MIN_CLAIM_SAYS:
                        out.append(
                            loaded.problem(
                                (*where, "wrong_claims", c, "says"),
                                f"wrong claim {claim.id!r} has {have} {lang} example sentences; "
                                f"write at least {QA_MIN_CLAIM_SAYS} / 잘못된 주장 {claim.id!r}의 "
                                f"{lang} 예문이 {have}개입니다. {QA_MIN_CLAIM_SAYS}개 이상 쓰세요",
                            )
                        )
    for n, j, ask in _qa_cycles(topic):
        out.append(
            loaded.problem(
                ("questions", n, "follow_ups", j, "ask"),
                f"follow-up {ask!r} leads back to {topic.questions[n].id!r}: a chain must not "
                f"loop / 꼬리 질문이 돌고 돕니다: {topic.questions[n].id!r} → {ask!r} → … → "
                f"{topic.questions[n].id!r}. 고리가 없어야 합니다",
            )
        )
    return out


def parse_qa_topic(loaded: LoadedYaml) -> QaTopicFile:
    from sysdesign.models.qa import QaTopicFile

    early = _qa_reference_problems(loaded)
    if early:
        raise InvalidInputError(early)
    topic = validate_as(QaTopicFile, loaded)
    return _finish(topic, _qa_problems(topic, loaded))  # type: ignore[no-any-return]


def load_qa_topic(path: Path) -> QaTopicFile:
    """One topic of the question bank; the first invalid file stops with every problem, located."""
    return parse_qa_topic(read_yaml(path))


# ---------------------------------------------------------------- validate


def detect_kind(data: Any) -> str | None:
    """Which kind of file this YAML is, from its top-level keys."""
    if not isinstance(data, dict):
        return None
    keys = set(data)
    if "components" in keys:
        return "design"
    if "tracks" in keys:
        return "tracks"
    if "concepts" in keys and "scenario" not in keys:
        return "lexicon"
    if "questions" in keys and "topic" in keys:
        return "qa"
    if "key_questions" in keys or "weights" in keys or "deep_dives" in keys:
        return "rubric"
    if "prompt" in keys or "facts" in keys:
        return "scenario"
    if {"situation", "task", "action", "result"} & keys:
        return "story"
    return None


def validate_file(path: Path) -> tuple[str | None, list[Problem]]:
    """Every problem in one file (the kind is detected). Raises only when it cannot be read."""
    loaded = read_yaml(path)
    kind = detect_kind(loaded.data)
    checkers: dict[str, Callable[[], Any]] = {}

    def _scenario() -> list[Problem]:
        from sysdesign.models.scenario import Scenario

        s = validate_as(Scenario, loaded)
        return _scenario_problems(s, loaded)

    def _rubric() -> list[Problem]:
        from sysdesign.models.rubric import Rubric

        r = validate_as(Rubric, loaded)
        return _rubric_problems(r, loaded)

    def _design() -> list[Problem]:
        from sysdesign.models.design import Design

        d = validate_as(Design, loaded)
        return _design_problems(d, loaded)

    def _tracks() -> list[Problem]:
        from sysdesign.models.track import TrackFile

        validate_as(TrackFile, loaded)
        return []

    def _story() -> list[Problem]:
        from sysdesign.models.story import Story  # type: ignore[import-not-found,unused-ignore]

        validate_as(Story, loaded)
        return []

    def _lexicon() -> list[Problem]:
        from sysdesign.models.lexicon import LexiconFile

        validate_as(LexiconFile, loaded)
        return []

    def _qa() -> list[Problem]:
        early = _qa_reference_problems(loaded)
        if early:
            return early
        from sysdesign.models.qa import QaTopicFile

        return _qa_problems(validate_as(QaTopicFile, loaded), loaded)

    checkers = {
        "lexicon": _lexicon,
        "qa": _qa,
        "scenario": _scenario,
        "rubric": _rubric,
        "design": _design,
        "tracks": _tracks,
        "story": _story,
    }
    if kind is None:
        return None, [
            Problem(
                str(path),
                1,
                1,
                "",
                "cannot tell what kind of file this is (scenario, rubric, design, tracks, story, "
                "lexicon or qa)"
                " / 어떤 종류의 파일인지 알 수 없습니다",
            )
        ]
    try:
        return kind, checkers[kind]()
    except InvalidInputError as exc:
        return kind, exc.problems


# ---------------------------------------------------------------- the library


V = TypeVar("V")


class _Lazy(Mapping[str, V]):
    """Ids known up front; each value loaded (from the per-file cache) when first read."""

    def __init__(self, keys: dict[str, Path], load: Callable[[str, Path], V]) -> None:
        self._paths = keys
        self._load = load
        self._got: dict[str, V] = {}

    def __getitem__(self, key: str) -> V:
        if key not in self._got:
            self._got[key] = self._load(key, self._paths[key])
        return self._got[key]

    def __contains__(self, key: object) -> bool:
        return key in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


@dataclass(frozen=True)
class ScenarioSummary:
    """What `scenarios list` shows of a scenario: plain data, cached without its model."""

    id: str
    title: dict[str, str]
    summary: dict[str, str]
    difficulty: str
    minutes: float
    #: the book chapters it matches, as (book id, chapter) pairs
    books: tuple[tuple[str, int], ...] = ()

    def title_in(self, lang: str) -> str:
        return self.title["ko" if lang == "ko" else "en"]

    def summary_in(self, lang: str) -> str:
        return self.summary["ko" if lang == "ko" else "en"]


@dataclass
class Library:
    """Every scenario, rubric and track available: bundled ones, then the user's own."""

    scenarios: Mapping[str, Scenario] = field(default_factory=dict)
    rubrics: Mapping[str, Rubric] = field(default_factory=dict)
    tracks: Mapping[str, Track] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    #: scenario id → title, summary, difficulty and minutes (from the index when cached)
    summaries: dict[str, ScenarioSummary] = field(default_factory=dict)
    #: track id → the scenarios it lists (from the index when cached)
    track_scenarios: dict[str, list[str]] = field(default_factory=dict)

    def scenario(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            raise NotFoundError(
                f"no scenario {scenario_id!r}{did_you_mean(scenario_id, self.scenarios)}; "
                f"see `sysdesign scenarios list` / 시나리오가 없습니다"
            ) from None

    def estimates_of(self, scenario_id: str) -> EstimateInputs:
        """A scenario's `estimates:`. From the index, only they are read from the cache (not
        the whole scenario, whose model `check` has no other use for)."""
        if isinstance(self.scenarios, _Lazy) and scenario_id not in self.scenarios._got:
            path = self.scenarios._paths.get(scenario_id)
            if path is not None:
                return _cached(load_scenario_estimates, path)  # type: ignore[no-any-return]
        return self.scenario(scenario_id).estimates

    def plain_estimates_of(self, scenario_id: str) -> PlainEstimates:
        """A scenario's `estimates:` without pydantic (what `check` reads): read from the file
        alone when the scenario is not loaded (`load_plain_estimates`)."""
        from sysdesign.models.design_plain import PlainEstimates

        if isinstance(self.scenarios, _Lazy) and scenario_id not in self.scenarios._got:
            path = self.scenarios._paths.get(scenario_id)
            if path is not None:
                return _cached(load_plain_estimates, path)  # type: ignore[no-any-return]
        return PlainEstimates.of(self.scenario(scenario_id).estimates)

    def rubric_view(self, scenario_id: str) -> Rubric | RubricView:
        """What `check` reads of a rubric: its view, without pydantic, when the rubric is not
        loaded (`load_rubric_view`); else the rubric itself."""
        if isinstance(self.rubrics, _Lazy) and scenario_id not in self.rubrics._got:
            path = self.rubrics._paths.get(scenario_id)
            if path is not None:
                return _cached(load_rubric_view, path)  # type: ignore[no-any-return]
        return self.rubric(scenario_id)

    def rubric(self, scenario_id: str) -> Rubric:
        try:
            return self.rubrics[scenario_id]
        except KeyError:
            raise NotFoundError(
                f"no rubric for scenario {scenario_id!r}{did_you_mean(scenario_id, self.rubrics)}"
                " / 루브릭이 없습니다"
            ) from None

    def track(self, track_id: str) -> Track:
        try:
            return self.tracks[track_id]
        except KeyError:
            raise NotFoundError(
                f"no track {track_id!r}{did_you_mean(track_id, self.tracks)}; "
                "see `sysdesign tracks list` / 트랙이 없습니다"
            ) from None

    def tracks_of(self, scenario_id: str) -> list[str]:
        if self.track_scenarios:  # from the index: the tracks themselves stay unloaded
            return [tid for tid, ids in self.track_scenarios.items() if scenario_id in ids]
        return [t.id for t in self.tracks.values() if scenario_id in t.scenarios]

    def summary(self, scenario_id: str) -> ScenarioSummary:
        """Title, summary, difficulty and minutes, without loading the scenario when indexed."""
        if scenario_id in self.summaries:
            return self.summaries[scenario_id]
        return summarise(self.scenario(scenario_id))

    def cross_problems(self) -> list[Problem]:
        """References between files that must exist: rubric → scenario facts, track → scenarios."""
        out: list[Problem] = []
        for sid, rubric in self.rubrics.items():
            src = str(self.sources.get(f"rubric:{sid}", sid))
            scenario = self.scenarios.get(rubric.scenario)
            if scenario is None:
                out.append(
                    Problem(
                        src,
                        None,
                        None,
                        "scenario",
                        f"no scenario {rubric.scenario!r} / 시나리오가 없습니다: {rubric.scenario!r}",
                    )
                )
                continue
            facts = {f.id for f in scenario.facts}
            for q in rubric.key_questions:
                if q not in facts:
                    out.append(
                        Problem(
                            src,
                            None,
                            None,
                            "key_questions",
                            f"no fact {q!r} in scenario {sid!r} / 시나리오 {sid!r}에 사실 "
                            f"{josa(repr(q), '이/가')} 없습니다" + did_you_mean(q, facts),
                        )
                    )
        for sid in self.scenarios:
            if sid not in self.rubrics:
                src = str(self.sources.get(f"scenario:{sid}", sid))
                out.append(
                    Problem(
                        src,
                        None,
                        None,
                        "",
                        f"scenario {sid!r} has no rubric / 시나리오 {sid!r}에 루브릭이 없습니다",
                    )
                )
        for track in self.tracks.values():
            for s in [*track.scenarios, *track.variants]:
                if s not in self.scenarios:
                    out.append(
                        Problem(
                            str(self.sources.get("tracks", TRACKS_FILE)),
                            None,
                            None,
                            f"tracks[{track.id}]",
                            f"no scenario {s!r} / 시나리오가 없습니다: {s!r}"
                            + did_you_mean(s, self.scenarios),
                        )
                    )
        return out


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


_MODELS_STAMP: list[int] = []


def _models_stamp() -> int:
    """Newest mtime of the model sources: a changed model invalidates every cached file."""
    if not _MODELS_STAMP:
        folder = Path(__file__).resolve().parent / "models"
        _MODELS_STAMP.append(max(p.stat().st_mtime_ns for p in folder.glob("*.py")))
    return _MODELS_STAMP[0]


def _cached(loader: Callable[[Path], Any], path: Path, code: Iterable[str] = ()) -> Any:
    """`loader(path)`, remembered in SYSDESIGN_HOME/cache until the file changes.

    Parsing and validating the bundled YAML costs more than the rest of a command; a pickle of
    the validated model, keyed by the file's path, size, mtime and the package version, does not.
    `code` names source files the result also depends on (their mtimes join the key).
    Any problem with the cache (unwritable, stale, corrupt) falls back to loading the file.
    The file is named by a CRC of the key and holds the key beside the value: a name two keys
    share only costs a reload (no `hashlib`, whose OpenSSL import costs a start-up ~3 ms).
    """
    import pickle
    import zlib

    from sysdesign import __version__

    try:
        stat = path.stat()
        stamps = "|".join(str(Path(f).stat().st_mtime_ns) for f in code)
    except OSError:
        return loader(path)
    key = (
        f"{__version__}|{_models_stamp()}|{loader.__name__}|{path.resolve()}|"
        f"{stat.st_size}|{stat.st_mtime_ns}|{stamps}"
    )
    raw = key.encode()
    name = f"{zlib.crc32(raw):08x}{zlib.crc32(raw[::-1]):08x}{len(raw):x}.pickle"
    cache = paths.home() / "cache" / name
    try:
        with cache.open("rb") as fh:
            stored_key, stored = pickle.load(fh)
        if stored_key == key:
            return stored
    except Exception:
        pass
    value = loader(path)
    with contextlib.suppress(OSError, SysdesignError):  # a cache that cannot be written
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        paths.write_cache_bytes(cache, data)
    return value


def summarise(scenario: Scenario) -> ScenarioSummary:
    return ScenarioSummary(
        id=scenario.id,
        title={"en": scenario.title.en, "ko": scenario.title.ko},
        summary={"en": scenario.summary.en, "ko": scenario.summary.ko},
        difficulty=str(scenario.difficulty),
        minutes=scenario.total_minutes,
        books=tuple((c.book, c.chapter) for c in scenario.books),
    )


def load_library() -> Library:
    """Load everything; the first invalid file stops with its problems located."""
    scenarios: dict[str, Scenario] = {}
    rubrics: dict[str, Rubric] = {}
    tracks: dict[str, Track] = {}
    sources: dict[str, Path] = {}
    for base in (paths.bundled, paths.user_dir):
        for path in _yaml_files(base("scenarios")):
            if path.name == TRACKS_FILE:
                for track in _cached(load_tracks, path).tracks:
                    tracks[track.id] = track
                    sources[f"track:{track.id}"] = path
                sources["tracks"] = path
                continue
            scenario = _cached(load_scenario, path)
            scenarios[scenario.id] = scenario
            sources[f"scenario:{scenario.id}"] = path
        for path in _yaml_files(base("rubrics")):
            rubric = _cached(load_rubric, path)
            rubrics[rubric.scenario] = rubric
            sources[f"rubric:{rubric.scenario}"] = path
    return Library(
        scenarios=scenarios,
        rubrics=rubrics,
        tracks=tracks,
        sources=sources,
        summaries={sid: summarise(s) for sid, s in scenarios.items()},
    )


# ---------------------------------------------------------------- the library index

INDEX_FILE = "library-index.pickle"


def _index_key() -> str:
    """Changes when any scenario, rubric or track file (bundled or the user's) or the models
    change: the version, the models' stamp and every file's name, size and mtime."""
    from sysdesign import __version__

    parts = [__version__, str(_models_stamp()), str(Path(__file__).stat().st_mtime_ns)]
    for base in (paths.bundled, paths.user_dir):
        for kind in ("scenarios", "rubrics"):
            for path in _yaml_files(base(kind)):
                stat = path.stat()
                parts.append(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}")
    return "\n".join(parts)


def _write_index(key: str, lib: Library) -> None:
    import pickle

    index = {
        "key": key,
        "sources": {k: str(v) for k, v in lib.sources.items()},
        "scenarios": list(lib.scenarios),
        "rubrics": list(lib.rubrics),
        "tracks": list(lib.tracks),
        "summaries": lib.summaries,
        "track_scenarios": {t.id: list(t.scenarios) for t in lib.tracks.values()},
    }
    with contextlib.suppress(OSError, SysdesignError):  # a cache that cannot be written
        paths.write_cache_bytes(paths.home() / "cache" / INDEX_FILE, pickle.dumps(index))


def _load_scenario_item(_: str, path: Path) -> Scenario:
    return _cached(load_scenario, path)  # type: ignore[no-any-return]


def _load_rubric_item(_: str, path: Path) -> Rubric:
    return _cached(load_rubric, path)  # type: ignore[no-any-return]


def _load_track_item(track_id: str, path: Path) -> Track:
    file: TrackFile = _cached(load_tracks, path)
    return next(t for t in file.tracks if t.id == track_id)


def _indexed_library(key: str) -> Library | None:
    """The library from the index when no file changed since every one of them loaded
    without a problem: ids, sources and summaries at once, each model when first read."""
    import pickle

    try:
        with (paths.home() / "cache" / INDEX_FILE).open("rb") as fh:
            index = pickle.load(fh)
        if not isinstance(index, dict) or index.get("key") != key:
            return None
        sources = {k: Path(v) for k, v in index["sources"].items()}
        return Library(
            scenarios=_Lazy(
                {sid: sources[f"scenario:{sid}"] for sid in index["scenarios"]},
                _load_scenario_item,
            ),
            rubrics=_Lazy(
                {sid: sources[f"rubric:{sid}"] for sid in index["rubrics"]}, _load_rubric_item
            ),
            tracks=_Lazy(
                {tid: sources[f"track:{tid}"] for tid in index["tracks"]}, _load_track_item
            ),
            sources=sources,
            summaries=index["summaries"],
            track_scenarios=index["track_scenarios"],
        )
    except Exception:  # a missing, stale or corrupt index: load the files
        return None


def load_qa_topics() -> list[tuple[QaTopicFile, Path]]:
    """Every question-bank topic file, bundled first, then `$SYSDESIGN_HOME/qa`, validated."""
    return [
        (_cached(load_qa_topic, path), path)
        for folder in (qa_dir(), paths.user_dir("qa"))
        for path in _yaml_files(folder)
    ]


_CACHE: dict[str, Library] = {}


def library() -> Library:
    """The library for the current `SYSDESIGN_HOME`, loaded once per process."""
    home = str(paths.home())
    if home not in _CACHE:
        key = _index_key()
        lib = _indexed_library(key)
        if lib is None:
            lib = load_library()
            _write_index(key, lib)
        _CACHE[home] = lib
    return _CACHE[home]


def preset_for(scenario_id: str, track_id: str | None = None) -> EstimateInputs:
    """A scenario's estimate inputs (its `estimates:`); a track's `variants[scenario_id]`
    overrides them.

    Raises NotFoundError for an unknown scenario or track.
    """
    lib = library()
    base = lib.scenario(scenario_id).estimates
    if track_id is None:
        return base
    variant = lib.track(track_id).variants.get(scenario_id)
    return base if variant is None else variant.merged_over(base)


def reference_design_path(scenario_id: str) -> Path:
    return paths.bundled("designs") / f"{scenario_id}.yaml"


# ---------------------------------------------------------------- one scenario's files


class _Deferred(Mapping[str, V]):
    """A mapping built by `build` when first read."""

    def __init__(self, build: Callable[[], dict[str, V]]) -> None:
        self._build = build
        self._built: dict[str, V] | None = None

    def _items(self) -> dict[str, V]:
        if self._built is None:
            self._built = self._build()
        return self._built

    def __getitem__(self, key: str) -> V:
        return self._items()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())


def _plain_is_text(value: str) -> bool:
    """Whether an unquoted, untagged YAML scalar reads as text (not a number, bool or null)."""
    import yaml.resolver

    from sysdesign.yamlio import _BASE_60

    if _BASE_60.fullmatch(value):
        return True
    resolver: Any = yaml.resolver.Resolver()
    tag = resolver.resolve(yaml.ScalarNode, value, (True, False))
    return bool(tag == "tag:yaml.org,2002:str")


def rubric_scenario(path: Path) -> str | None:
    """The `scenario:` a rubric file names, read from the YAML events up to that top-level key
    (the first line of every bundled rubric) instead of the whole document: a rubric is tens of
    kilobytes and `check` needs one. None when it cannot be told that way (not a mapping, no
    such key, an alias, a value that is not text, a YAML error): the caller then loads the
    whole library, which reports the file.
    """
    import yaml

    from sysdesign.yamlio import _loader_class, read_input_text

    try:
        events = yaml.parse(read_input_text(path), Loader=_loader_class())
        kinds = [type(next(events)) for _ in range(3)]
        if kinds != [yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent]:
            return None
        while True:
            key = next(events)
            if not isinstance(key, yaml.ScalarEvent):
                return None  # the end of the mapping, or a key that is not a plain value
            value = next(events)
            if key.value == "scenario":
                if not isinstance(value, yaml.ScalarEvent):
                    return None
                if value.tag is not None and value.tag not in ("!", "tag:yaml.org,2002:str"):
                    return None
                if value.tag is None and value.implicit[0] and not _plain_is_text(value.value):
                    return None
                return str(value.value)
            depth = 1 if isinstance(value, yaml.CollectionStartEvent) else 0
            while depth:  # skip the rest of a nested value
                event = next(events)
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
    except (yaml.YAMLError, StopIteration, SysdesignError):
        return None


def _load_tracks_of(files: list[Path]) -> dict[str, Track]:
    return {t.id: t for path in files for t in _cached(load_tracks, path).tracks}


def lookup_library() -> Library:
    """The library for a command that reads one scenario and its rubric (`check`).

    The index when it is valid, or the library already loaded in this process; otherwise the
    ids without loading the library: a scenario's id is its file name (`load_scenario` refuses
    any other), a rubric's is the `scenario:` it names (`rubric_scenario`). Each model is then
    loaded, validated and cached, when first read, as from the index. Unlike `library()`, a
    broken scenario file that is not read is not reported here (`validate` and `scenarios list`
    do); a rubric whose `scenario:` cannot be read that way makes it load the whole library.
    """
    home = str(paths.home())
    if home in _CACHE:
        return _CACHE[home]
    if home not in _LOOKUP:
        # no index (a first run): not even its key, which stats every scenario and rubric
        indexed = (paths.home() / "cache" / INDEX_FILE).is_file()
        lib = _indexed_library(_index_key()) if indexed else None
        if lib is not None:
            _CACHE[home] = lib
            return lib
        _LOOKUP[home] = _lookup_from_files()
    return _LOOKUP[home]


_LOOKUP: dict[str, Library] = {}


def _lookup_from_files() -> Library:
    """`lookup_library` without an index: ids from the file names and the rubrics' first lines."""
    sources: dict[str, Path] = {}
    scenario_files: dict[str, Path] = {}
    rubric_files: dict[str, Path] = {}
    track_files: list[Path] = []
    for base in (paths.bundled, paths.user_dir):
        for path in _yaml_files(base("scenarios")):
            if path.name == TRACKS_FILE:
                track_files.append(path)
                continue
            scenario_files[path.stem] = path
            sources[f"scenario:{path.stem}"] = path
        for path in _yaml_files(base("rubrics")):
            sid = rubric_scenario(path)
            if sid is None:
                return library()
            rubric_files[sid] = path
            sources[f"rubric:{sid}"] = path
    if track_files:
        sources["tracks"] = track_files[-1]
    return Library(
        scenarios=_Lazy(scenario_files, _load_scenario_item),
        rubrics=_Lazy(rubric_files, _load_rubric_item),
        tracks=_Deferred(lambda: _load_tracks_of(track_files)),
        sources=sources,
    )
