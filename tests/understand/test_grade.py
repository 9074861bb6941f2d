"""Grading by meaning: explained, listed, wrong and missed points."""

from __future__ import annotations

from sysdesign.library import library
from sysdesign.understand.grade import explains, grade, is_soup, sentences


def _dive(dive_id: str):  # type: ignore[no-untyped-def]
    return next(d for d in library().rubric("news-feed").deep_dives if d.id == dive_id)


def test_explains_tells_sentences_from_lists_of_terms() -> None:
    assert explains("When someone posts, workers push the post id into every follower's timeline.")
    assert explains("팔로워가 많은 계정은 팬아웃하지 않고 읽을 때 합칩니다.")
    assert not explains("fan-out on write precompute timeline hybrid celebrity kafka worker")
    assert not explains("팬아웃 푸시 모델 하이브리드 유명인 카프카 워커")
    assert is_soup("users dau qps peak followers posts per day?")
    assert not is_soup("How many daily active users do we have?")


def test_plain_prose_covers_points_a_list_of_terms_only_lists() -> None:
    dive = _dive("fanout-model")
    prose = (
        "Reads outnumber posts fifty to one, so when someone publishes, background workers "
        "push the post id into each follower's timeline ahead of time, which makes reading "
        "the feed cheap. For accounts with a huge number of followers that would mean "
        "millions of writes per post, so we skip them and merge their recent posts when the "
        "reader opens the feed."
    )
    soup = "fan-out on write precompute timeline hybrid celebrity pull model merge at read time"
    by_prose = {v.id: v for v in grade(dive.concepts, [prose])}
    by_soup = {v.id: v for v in grade(dive.concepts, [soup])}
    assert by_prose["push-model"].status == "explained"
    assert by_prose["hybrid"].status == "explained"
    assert sum(v.credit for v in by_prose.values()) > sum(v.credit for v in by_soup.values())
    assert all(v.status in ("listed", "missed") for v in by_soup.values())
    assert all(v.credit <= 0.25 for v in by_soup.values())


def test_a_single_word_covers_nothing() -> None:
    dive = _dive("fanout-model")
    for word in ("kafka", "worker", "list", "queue"):
        assert all(v.status == "missed" for v in grade(dive.concepts, [word])), word


def test_a_known_wrong_claim_costs_the_point_and_carries_its_claim() -> None:
    rubric = library().rubric("news-feed")
    for dive in rubric.deep_dives:
        for point in dive.concepts:
            for claim in point.wrong_claims:
                said = claim.says.en[0]
                (verdict,) = [v for v in grade([point], [said]) if v.id == point.id]
                assert verdict.status == "wrong", (dive.id, point.id, said)
                assert verdict.claim == claim.id
                assert verdict.credit == 0.0


def test_sentences_split_on_korean_endings_and_bullets() -> None:
    assert len(sentences("캐시에 저장합니다. 그리고 복제합니다")) == 2
    assert len(sentences("- cache ids\n- rebuild on a miss")) == 2


def test_each_phrasing_is_weighed_with_its_own_polarity() -> None:
    """A negated sentence meets a point's negated phrasing even when the plain phrasing is the
    closer text: polarity is applied to each phrasing, then the best one is picked."""
    from sysdesign.understand.grade import NEGATION_PENALTY, negated
    from sysdesign.understand.match import build_index

    plain = "매입 전에 취소하면 고객에게 청구가 됩니다"
    negative = "매입 전에 취소하면 청구 안 됩니다"
    said = "매입 전에 취소하면 고객에게 청구가 안 됩니다"
    assert negated(said) and negated(negative) and not negated(plain)
    index = build_index([("ok:cancel", plain, 1.0), ("ok:cancel", negative, 1.0)])
    ((_, raw_score, raw_best),) = index.rank(said, measure="blended")
    assert raw_best == plain  # closer in words, opposite in meaning

    def penalise(score: float, example: str) -> float:
        return score if negated(example) == negated(said) else score * NEGATION_PENALTY

    ((label, score, example),) = index.rank(said, measure="blended", adjust=penalise)
    assert (label, example) == ("ok:cancel", negative)
    assert score > raw_score * NEGATION_PENALTY
