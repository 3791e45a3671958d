"""The actor dictionary files: loading, validation with file:line, indexing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from volte.coding.actor_dictionary import ActorDictionary, default_actors, fold, plural
from volte.errors import E_DICT_INVALID, E_DICT_MISSING, DictionaryError

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


def load_broken() -> DictionaryError:
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.load(sorted((DATA / "broken").glob("*.yml")))
    return info.value


def test_default_actors_loads_once_and_is_cached():
    assert default_actors() is default_actors()
    assert len(default_actors().entries) > 500


def test_load_good_dictionary_indexes_every_kind_of_name():
    dictionary = ActorDictionary.load(sorted((DATA / "good").glob("*.yml")))
    kinds = {name.kind for names in dictionary.index.names.values() for name in names}
    assert kinds == {"state", "adj", "seat", "role", "person", "surname"}
    assert ("colombians",) in dictionary.index.names  # plural demonym added
    assert ("soldiers",) in dictionary.index.names  # plural role noun added


def test_load_broken_dictionary_raises_one_error_with_code_e301():
    error = load_broken()
    assert error.code == E_DICT_INVALID
    assert "12 problem(s)" in str(error)


@pytest.mark.parametrize(
    ("file", "line", "fragment"),
    [
        ("header.yml", 1, "version must be 1"),
        ("header.yml", 1, "kind must be one of"),
        ("syntax.yml", 5, "YAML syntax error"),
        ("states.yml", 6, "state code 'col'"),
        ("states.yml", 7, "unknown key 'colour'"),
        ("states.yml", 8, "missing required key 'name'"),
        ("states.yml", 9, "name 'Colombia' (ECU) is already COL"),
        ("people.yml", 9, "date '2020-02-30' is not YYYY-MM-DD"),
        ("people.yml", 10, "roles overlap in time"),
        ("people.yml", 16, "code 'QQQ'"),
        ("people.yml", 19, "duplicate id 'person:overlapping'"),
        ("people.yml", 22, "pronoun must be he or she"),
    ],
)
def test_load_broken_dictionary_reports_each_problem_with_file_and_line(file, line, fragment):
    message = str(load_broken())
    pattern = re.escape(f"{file}:{line}: ") + r".*" + re.escape(fragment)
    assert re.search(pattern, message), message


def test_load_missing_file_raises_e302(tmp_path):
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.load([tmp_path / "absent.yml"])
    assert info.value.code == E_DICT_MISSING


def test_load_empty_path_list_raises_e302():
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.load([])
    assert info.value.code == E_DICT_MISSING


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Bogotá", "bogota"), ("Nicolás", "nicolas"), ("Côte d’Ivoire", "cote d'ivoire"), ("U.S.", "u.s.")],
)
def test_fold_removes_accents_case_and_curly_apostrophes(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("noun", "plural_form"),
    [
        ("soldier", "soldiers"),
        ("policeman", "policemen"),
        ("militia", "militias"),
        ("embassy", "embassies"),
        ("foreign minister", "foreign ministers"),
        ("press", "presses"),
    ],
)
def test_plural_of_role_nouns(noun, plural_form):
    assert plural(noun) == plural_form


def test_package_dictionary_covers_un_members_observers_and_iso_choices():
    states = {e.code for e in default_actors().entries.values() if e.kind == "state"}
    assert len(states) >= 195  # 193 UN members + 2 observers, plus territories
    assert {"ROU", "MNE", "TLS", "SSD", "XKX", "PSE", "VAT", "TWN"} <= states
    assert not {"ROM", "MTN", "TMP", "KSV"} & states  # legacy CAMEO codes are aliases only


@pytest.mark.parametrize(
    ("code", "canonical"),
    [
        ("KSVGOV", "XKXGOV"),
        ("KOS", "XKX"),
        ("ROMMIL", "ROUMIL"),
        ("JAPGOV", "JPNGOV"),
        ("USAGOV", "USAGOV"),
        ("IGOUNO", "IGOUNO"),
        ("", ""),
    ],
)
def test_canonical_code_replaces_alias_state_prefixes(code, canonical):
    assert default_actors().canonical_code(code) == canonical


def test_package_dictionary_people_cover_required_countries():
    countries = {e.country for e in default_actors().entries.values() if e.kind == "person" and e.periods}
    required = set(
        "USA CAN MEX BRA ARG COL VEN CHL PER ECU BOL PRY URY CUB NIC SLV GTM HND PAN CRI DOM HTI "
        "DEU FRA GBR ITA RUS TUR CHN JPN KOR PRK IND IDN AUS SAU ZAF UKR ISR IRN SYR SDN COD ETH "
        "MMR AFG PAK TWN IRQ JOR LBN EGY QAT ARE YEM".split()
    )
    assert required <= countries, sorted(required - countries)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.sampled_from(["COL", "COLGOV", "2020-01-01", "2020-02-30", "GOV", "Colombia", "he", "she"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "code",
                    "name",
                    "names",
                    "id",
                    "role",
                    "nouns",
                    "roles",
                    "from",
                    "until",
                    "country",
                    "adj",
                    "seats",
                    "short",
                    "otherwise",
                    "pronoun",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=12,
)


@given(kind=st.sampled_from(["states", "organizations", "roles", "people", "other"]), entries=_VALUES)
def test_load_arbitrary_entries_either_loads_or_raises_dictionary_error(tmp_path_factory, kind, entries):
    path = tmp_path_factory.mktemp("dict") / "random.yml"
    path.write_text(yaml.safe_dump({"version": 1, "kind": kind, "entries": entries}), encoding="utf-8")
    try:
        ActorDictionary.load([path])
    except DictionaryError as error:
        assert error.code == E_DICT_INVALID
        assert "random.yml:" in str(error)


@given(st.text(max_size=300))
def test_load_arbitrary_text_never_crashes(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("dict") / "text.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError):
        ActorDictionary.load([path])
