"""The actor knowledge base: reproducible build, German names, offices by date."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import DataMissingError, ModelError
from lagebild.extract.kb import KB_PATH, build_kb, load_kb, name_key, norm, shared_dir


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_norm_meets_swiss_and_german_spelling() -> None:
    assert norm("Außenminister") == norm("Aussenminister") == "aussenminister"
    assert norm("Nicolás") == "nicolas"
    assert name_key("Baschar al-Assad") == "baschar al-assad"


def test_shipped_kb_is_small_and_loads(kb) -> None:
    assert KB_PATH.stat().st_size < 20 * 1024 * 1024
    assert kb.actor("Q7747").name == "Wladimir Putin"


def test_states_with_german_names_adjectives_and_prefixes(kb) -> None:
    rus = kb.names["russland"][0][0]
    assert kb.actor(rus).country == "RUS" and kb.actor(rus).kind == "state"
    assert kb.names["russlands"][0][0] == rus
    for form in ("russische", "russischen", "russischer", "russisches", "russischem"):
        assert kb.adjectives[form] == rus
    assert kb.prefixes["russisch"] == rus  # the bare stem heads compounds only
    assert kb.actor(kb.adjectives["venezolanischen"]).country == "VEN"
    assert kb.actor(kb.prefixes["us"]).country == "USA"
    # pycountry's German names are in too, not only the hand list
    assert kb.actor(kb.names["vereinigte staaten"][0][0]).country == "USA"
    assert kb.actor(kb.names["kap verde"][0][0]).country == "CPV"


def test_metonyms_and_organisations(kb) -> None:
    kreml = kb.names["kreml"][0][0]
    target, sector = kb.metonym(kreml)
    assert kb.actor(target).country == "RUS" and sector == "GOV"
    assert kb.actor(kb.metonym(kb.names["brussel"][0][0])[0]).country == "EU"
    for key, country in (("vereinte nationen", "UN"), ("uno", "UN"), ("nato", "NATO"), ("eu", "EU")):
        assert kb.actor(kb.names[key][0][0]).country == country
    tass = kb.actor(kb.names["tass"][0][0])
    assert (tass.country, tass.sector) == ("RUS", "JRN")


def test_people_in_german_spelling(kb) -> None:
    for key, name in (("wladimir putin", "Wladimir Putin"), ("sergej lawrow", "Sergej Lawrow"),
                      ("wolodymyr selenskyj", "Wolodymyr Selenskyj"), ("xi jinping", "Xi Jinping"),
                      ("nicolas maduro", "Nicolás Maduro"),
                      ("mohammed schia al-sudani", "Mohammed Schia al-Sudani"),
                      ("mohammed bin sajed", "Mohammed bin Zayed")):
        assert kb.actor(kb.names[key][0][0]).name == name
    assert kb.actor(kb.holder("ETH", "head_of_government", "2026-01-01")).name == "Abiy Ahmed"
    assert kb.actor(kb.holder("BGD", "head_of_government", "2024-01-01")).name == "Sheikh Hasina"


def test_a_leader_named_family_name_first_is_short_for_that_name(kb) -> None:
    # "Kim" after "Kim Jong Un", "Lai" after "Lai Ching-te"; "Putin" after "Wladimir Putin"
    shorts = {name: [e[0] for e in kb.names.get(name, ()) if e[1] == "short"]
              for name in ("kim", "lai", "un", "ching-te")}
    assert [kb.actor(i).name for i in shorts["kim"]] == ["Kim Jong Un"]
    assert [kb.actor(i).name for i in shorts["lai"]] == ["Lai Ching-te"]
    assert shorts["un"] == [] and shorts["ching-te"] == []


def test_offices_by_date(kb) -> None:
    maduro = kb.holder("VEN", "president", "2026-01-02")
    rodriguez = kb.holder("VEN", "president", "2026-01-03")
    assert kb.actor(maduro).name == "Nicolás Maduro"
    assert kb.actor(rodriguez).name == "Delcy Rodríguez"
    assert kb.actor(kb.holder("USA", "president", "2025-01-19")).name == "Joe Biden"
    assert kb.actor(kb.holder("USA", "president", "2025-01-20")).name == "Donald Trump"
    # head of state falls back to the president in presidential systems
    assert kb.holder("RUS", "head_of_state", "2025-06-01") == "Q7747"
    assert kb.actor(kb.holder("UN", "secretary_general", "2016-01-01")).name == "Ban Ki-moon"
    # no date: latest holder, unless the article named another one
    assert kb.actor(kb.holder("VEN", "president", None)).name == "Delcy Rodríguez"
    assert kb.holder("VEN", "president", None, prefer=[maduro]) == maduro


def test_petrarch_people_have_date_bounded_roles(kb) -> None:
    kerry = kb.names["john kerry"][0][0]
    assert kb.actor(kerry).country == "USA"
    assert len(kb.person_roles) > 10000
    # Hollande's Phoenix roles end before 2014, the hand list keeps him FRA/GOV
    assert kb.actor(kb.names["francois hollande"][0][0], date="2016-01-01").country == "FRA"


def test_missing_shared_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError):
        build_kb(tmp_path, tmp_path / "kb.json.gz")


def test_missing_kb_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        load_kb(tmp_path / "nope.json.gz")


@pytest.mark.shared
def test_build_is_reproducible_and_matches_shipped_asset(tmp_path: Path) -> None:
    shared = shared_dir()
    if not (shared / "data" / "petrarch_dicts").exists():
        pytest.skip("../shared/data not available")
    out = tmp_path / "kb.json.gz"
    counts = build_kb(shared, out)
    assert counts["actors"] > 10000 and counts["offices"] > 100
    assert out.read_bytes() == KB_PATH.read_bytes(), "assets/actors_kb.json.gz is stale: run build-kb"
