"""A workspace reuses facts only from the same extractor code and data."""

from policykg import facts


def test_fingerprint_follows_code_and_data(tmp_path, monkeypatch) -> None:
    (tmp_path / "extract").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "extract" / "tasks.py").write_text("RULE = 1\n")
    (tmp_path / "data" / "agencies.json").write_text("{}")
    monkeypatch.setattr(facts, "ROOT", tmp_path)
    facts.fingerprint.cache_clear()
    first = facts.fingerprint("extract", "data")
    key = facts.extraction_key("Bộ Tài chính chủ trì", {})
    facts.fingerprint.cache_clear()
    assert facts.fingerprint("extract", "data") == first  # stable
    (tmp_path / "extract" / "tasks.py").write_text("RULE = 2\n")
    facts.fingerprint.cache_clear()
    assert facts.fingerprint("extract", "data") != first
    assert facts.extraction_key("Bộ Tài chính chủ trì", {}) != key
    facts.fingerprint.cache_clear()
