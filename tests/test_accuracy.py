"""The accuracy scorer's matching, on hand-made records and short Vietnamese snippets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.accuracy import (
    EVAL,
    agency_key,
    evaluate,
    match_tasks,
    owner_right,
    ref_matches,
    score,
    table,
    target_matches,
    total,
)

TEXT = (
    "1. Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp xây dựng Nghị định về quỹ.\n"
    "2. Ủy ban nhân dân các tỉnh, thành phố tổng hợp kinh phí.\n"
)
GOLD: dict[str, Any] = {
    "meta": {"kind": "Quyết định", "number": "12/QĐ-TTg", "issuer": "Thủ tướng Chính phủ", "date": "2024-01-02"},
    "agencies": ["Bộ Tài chính", "Bộ Tư pháp", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
    "tasks": [
        {"quote": "1. Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp", "owner": "Bộ Tài chính", "role": "lead",
         "leads": ["Bộ Tài chính"], "cooperating": ["Bộ Tư pháp"]},
        {"quote": "2. Ủy ban nhân dân các tỉnh, thành phố tổng hợp", "owner": "UBND các tỉnh, thành phố",
         "role": "responsible", "leads": [], "cooperating": []},
    ],
    "refs": [{"kind": "Nghị định", "number": "80/2025/NĐ-CP", "year": 2025},
             {"kind": "Luật", "name": "Luật Đầu tư công", "year": None}],
    "targets": [{"indicator": "tỷ lệ", "value": 30, "year": 2030, "quote": "30%"}],
}


def task(text: str, start: int, owner: str, coop: tuple[str, ...] = ()) -> dict:
    return {"text": text, "quote": text, "start": start, "end": start + len(text), "owner": owner,
            "lead": [owner], "cooperating": list(coop)}


def found(tasks: list[dict], refs: list[dict], targets: list[dict], agencies: set[str], meta: dict,
          observations: list[dict] | None = None) -> dict:
    return {"tasks": tasks, "refs": refs, "targets": targets, "agencies": agencies, "meta": meta,
            "observations": observations or []}


def test_names_compare_through_the_registry_and_groups_through_their_words() -> None:
    assert agency_key("UBND tỉnh Hà Giang") == agency_key("Ủy ban nhân dân tỉnh Hà Giang")
    assert agency_key("Bộ Tài chính") == agency_key("bộ tài chính") != agency_key("Bộ Tư pháp")
    assert agency_key("các bộ, ngành và địa phương") == agency_key("Các bộ, ngành, địa phương")
    assert agency_key("các bộ, ngành") != agency_key("các bộ, ngành, địa phương")
    # the class of commune committees, however the list of levels is written
    assert agency_key("Ủy ban nhân dân các xã, phường") == agency_key("UBND cấp xã") == agency_key("UBND xã, phường")
    assert agency_key("") is None


def test_a_task_is_found_by_folded_containment_or_by_overlap_and_only_once() -> None:
    # NFD input and a line break inside the quote still match after folding.
    nfd = "1. Bộ Tài chính chủ trì,\n phối hợp với Bộ Tư pháp xây dựng Nghị định về quỹ."
    import unicodedata
    one = task(unicodedata.normalize("NFD", nfd), 500, "Bộ Tài chính")
    assert match_tasks(GOLD["tasks"], [one], TEXT) == [0, None]
    # A span over both items finds only one of them: an extracted task is used once.
    both = task("chủ trì tổng hợp", 10, "Bộ Tài chính")
    both["end"] = len(TEXT)
    assert match_tasks(GOLD["tasks"], [both], TEXT) == [0, None]
    assert match_tasks(GOLD["tasks"], [task("một việc khác", 900, "Bộ Y tế")], TEXT) == [None, None]


def test_owner_is_right_only_for_the_gold_owner_or_a_shared_lead() -> None:
    gold = GOLD["tasks"][0]
    assert owner_right(gold, {"owner": "Bộ Tài chính"})
    assert not owner_right(gold, {"owner": "Bộ Tư pháp"})
    assert owner_right(dict(gold, leads=["Bộ Tài chính", "Bộ Tư pháp"]), {"owner": "Bộ Tư pháp"})
    assert owner_right(dict(gold, owner=None, leads=[]), {"owner": ""})
    # a heading naming several owners: the gold owner is the whole phrase, `owners` each of them
    shared = dict(gold, owner="các bộ, cơ quan ngang bộ, Ủy ban nhân dân thành phố Hà Nội", leads=[],
                  owners=["các bộ, cơ quan ngang bộ", "Ủy ban nhân dân thành phố Hà Nội"])
    assert owner_right(shared, {"owner": "các bộ, cơ quan ngang bộ"})
    assert not owner_right(shared, {"owner": "Bộ Tư pháp"})


def test_references_match_by_kind_number_year_or_by_law_name() -> None:
    nd, law = GOLD["refs"]
    # "Văn bản số 562/BKHCN-VCL": a number without kind code is a Công văn, whichever word the gold uses
    letter = {"kind": "Văn bản", "number": "562/BKHCN-VCL", "year": 2025}
    assert ref_matches(letter, {"kind": "Công văn", "number": "562", "code": "562/BKHCN-VCL", "year": 2025})
    assert not ref_matches(letter, {"kind": "Quyết định", "number": "562", "code": "562/QĐ-BKHCN", "year": 2025})
    assert ref_matches(nd, {"kind": "Nghị định", "number": "80", "code": "80/2025/NĐ-CP", "year": 2025})
    assert ref_matches(nd, {"kind": "Nghị định", "number": "80/2025/NĐ-CP", "code": None, "year": 2025})
    assert not ref_matches(nd, {"kind": "Nghị định", "number": "80", "code": None, "year": 2024})
    assert not ref_matches(nd, {"kind": "Quyết định", "number": "80", "code": None, "year": 2025})
    assert ref_matches(law, {"kind": "Luật", "number": "", "code": None, "year": None, "name": "Luật đầu tư công"})
    assert not ref_matches(law, {"kind": "Luật", "number": "", "code": None, "year": None,
                                 "name": "Luật Đầu tư công và pháp luật"})


def test_targets_need_the_exact_value_and_year() -> None:
    gold = GOLD["targets"][0]
    assert target_matches(gold, {"value": 30.0, "year": 2030})
    assert not target_matches(gold, {"value": 30.0, "year": 2025})
    assert not target_matches(gold, {"value": 3.0, "year": 2030})


def test_a_document_score_counts_hits_and_misses() -> None:
    tasks = [task("1. Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp xây dựng", 0, "Bộ Tài chính", ("Bộ Tư pháp",)),
             task("2. Ủy ban nhân dân các tỉnh, thành phố tổng hợp kinh phí.", 75, "Bộ Tài chính"),
             task("Nơi nhận: Bộ Tài chính; Bộ Tư pháp;", 140, "Bộ Tài chính")]
    refs: list[dict[str, Any]] = [
        {"kind": "Nghị định", "number": "80", "code": "80/2025/NĐ-CP", "year": 2025, "name": None},
        {"kind": "Luật", "number": "", "code": None, "year": None, "name": "Luật Đầu tư"}]
    meta = {"kind": "decision", "number": "12/QĐ-TTg", "issuer": "Thủ tướng Chính phủ", "date": "2024-01-03"}
    s = score("x", GOLD, found(tasks, refs, [{"value": 30, "year": 2030, "start": 0}],
                               {"mof", "btp", "p-ha-noi"}, meta), TEXT)
    assert (s.tasks.hit, s.tasks.total) == (2, 2)
    assert (s.tasks_precision.hit, s.tasks_precision.total) == (2, 3)  # the recipients line finds no gold task
    assert s.misses["extra tasks"] == ["140: Nơi nhận: Bộ Tài chính; Bộ Tư pháp; → 'Bộ Tài chính'"]
    assert s.to_json()["tasks_precision"] == pytest.approx(2 / 3) and s.to_json()["tasks_found"] == [2, 3]
    assert (s.owners.hit, s.owners.total) == (1, 2)
    assert s.cooperating.value == 1.0
    assert (s.refs_recall.hit, s.refs_precision.hit, s.refs_precision.total) == (1, 1, 2)
    assert s.refs_f1() == pytest.approx(0.5)
    assert s.targets.value == 1.0
    assert s.agencies_recall.value == pytest.approx(2 / 3) and s.agencies_precision.value == pytest.approx(2 / 3)
    assert s.meta == {"kind": True, "number": True, "issuer": True, "date": False}


def test_observations_are_found_by_value_and_year_one_to_one() -> None:
    # a report's figures: two of the same value are two observations; a misprint the annotation could not
    # read (value null) is not scored; an observation of another year does not find it
    gold = dict(GOLD, observations=[
        {"indicator": "giấy phép cấp mới", "value": 2, "year": 2025, "quote": "02 Giấy phép"},
        {"indicator": "quyết định thu hồi", "value": 2, "year": 2025, "quote": "02 quyết định"},
        {"indicator": "số tiền xử phạt", "value": None, "year": 2025, "quote": "3.6620.700.000 đồng"},
        {"indicator": "cuộc thanh tra", "value": 4, "year": 2025, "quote": "04 cuộc"}])
    got = [{"value": 2.0, "year": 2025, "start": 0}, {"value": 4.0, "year": 2026, "start": 5},
           {"value": 7.0, "year": 2025, "start": 9}]
    s = score("x", gold, found([], [], [], set(), {}, got), TEXT)
    assert (s.observations.hit, s.observations.total) == (1, 3)
    assert (s.observations_precision.hit, s.observations_precision.total) == (1, 3)
    assert s.misses["observations"] == ["quyết định thu hồi 2 2025", "cuộc thanh tra 4 2025"]
    assert s.to_json()["observations"] == [1, 3] and "obs" in table([("dev", s)]).splitlines()[0]
    none = score("y", GOLD, found([], [], [], set(), {}, got), TEXT)  # no gold observations: not scored
    assert none.observations.value is None and none.observations_precision.value is None


def test_a_found_task_counts_once_for_precision_and_totals_add_up() -> None:
    # Two extracted copies of item 1: only one finds it, the copy is an extra task.
    one = task("1. Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp xây dựng", 0, "Bộ Tài chính")
    copy = dict(one, start=3)
    gold = dict(GOLD, tasks=GOLD["tasks"][:1])
    s = score("x", gold, found([one, copy], [], [], set(), {}), TEXT)
    assert (s.tasks_precision.hit, s.tasks_precision.total) == (1, 2)
    empty = score("y", dict(GOLD, tasks=[]), found([], [], [], set(), {}), TEXT)
    assert empty.tasks_precision.value is None
    assert (total([s, empty]).tasks_precision.hit, total([s, empty]).tasks_precision.total) == (1, 2)
    assert "taskP" in table([("dev", s)]).splitlines()[0]


def test_an_unreadable_annotation_is_reported_in_the_row(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("QUYẾT ĐỊNH", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    s = evaluate(tmp_path / "a.txt")
    assert s.error and "gold annotation unreadable" in s.error


def test_every_gold_quote_is_in_its_document() -> None:
    for gold_path in sorted(EVAL.glob("*/*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for t in gold["tasks"]:
            assert text.count(t["quote"]) == 1, (gold_path.name, t["quote"])
        for item in gold["refs"] + gold["targets"] + gold.get("observations", []):
            assert item["quote"] in text, (gold_path.name, item["quote"])


_ROLES = {"lead", "responsible"}
_COMPARATORS = {">=", "<=", "=", "~", ">", "<"}


def _is_name_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


@pytest.mark.parametrize("half", ["dev", "heldout", "unseen", "fresh", "unseen2", "unseen3", "unseen4", "unseen5"])
def test_every_gold_file_of_each_half_follows_the_annotation_schema(half: str) -> None:
    golds = sorted((EVAL / half).glob("*.gold.json"))
    assert golds, f"no gold files in {half}/"
    for gold_path in golds:
        name = f"{half}/{gold_path.name}"
        assert gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).exists(), name
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert isinstance(gold["source"]["where"], str) and gold["source"]["where"], name
        assert {"kind", "number", "issuer", "date", "title"} <= set(gold["meta"]), name
        assert gold["meta"]["kind"] and gold["meta"]["issuer"], name
        assert gold["meta"]["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", gold["meta"]["date"]), name
        assert _is_name_list(gold["agencies"]), name
        for t in gold["tasks"]:
            assert t["role"] in _ROLES, (name, t["quote"])
            assert t["owner"] is None or isinstance(t["owner"], str) and t["owner"].strip(), (name, t["quote"])
            assert _is_name_list(t["leads"]) and _is_name_list(t["cooperating"]), (name, t["quote"])
        for r in gold["refs"]:
            assert r["kind"] and (r.get("number") or r.get("name")), (name, r)
            assert r["year"] is None or isinstance(r["year"], int), (name, r)
        for g in gold["targets"]:
            assert isinstance(g["value"], (int, float)) and not isinstance(g["value"], bool), (name, g)
            assert g["comparator"] in _COMPARATORS and g["indicator"], (name, g)
            assert g["year"] is None or isinstance(g["year"], int), (name, g)
        assert isinstance(gold["rules"], list), name


def test_the_final_check_sets_are_scored_only_by_name() -> None:
    from bench.accuracy import ALL_SETS, FINAL_SETS, SETS

    assert set(FINAL_SETS) <= set(SETS)
    assert not set(FINAL_SETS) & set(ALL_SETS)
    assert set(ALL_SETS) | set(FINAL_SETS) == set(SETS)
    for half in FINAL_SETS:
        assert (EVAL / half / "README.md").exists(), half
