"""The ledger as a Fides data map: valid for fideslang itself, the data-flow view matches flows.csv, the
mapping to the taxonomy is complete and reversible, and import-fides gives the ledger back."""

from __future__ import annotations

import re
import shutil
import string
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
import yaml
from fideslang import DEFAULT_TAXONOMY, Taxonomy, model_map
from fideslang.manifests import ingest_manifests
from fideslang.relationships import get_referenced_missing_keys
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_inventory import load_inventory
from privacy_inventory.ledger.fides import (
    CATEGORY_KEYS,
    EXTENSIONS,
    FILES,
    REFINEMENTS,
    SUBJECT_KEYS,
    USE_KEYS,
    category_key,
    category_of_key,
    own_system_key,
    partner_key,
    subject_of_key,
)
from privacy_inventory.ledger.schema import TABLES_BY_NAME, ItemCategory, PurposeCategory, Subject
from privacy_inventory.ledger.synth import SynthSpec, synthesize
from privacy_inventory.ledger.yamlout import dump_yaml

from .ledger_edit import read

DEFAULT_KEYS = {
    kind: {x.fides_key for x in getattr(DEFAULT_TAXONOMY, kind) if not x.version_deprecated}
    for kind in ("data_category", "data_subject", "data_use")
}
EXTENDED = {kind: {e.key for e in EXTENSIONS if e.kind == kind} for kind in DEFAULT_KEYS}


def validated(directory: Path) -> Taxonomy:
    """Every resource parsed by fideslang's own models, and every key it refers to defined (in the
    default taxonomy, the exported extensions or the exported resources)."""
    raw = ingest_manifests(str(directory))
    parsed = {kind: [model_map[kind].model_validate(r) for r in resources] for kind, resources in raw.items()}
    exported = Taxonomy(**parsed)
    whole = Taxonomy(
        data_category=DEFAULT_TAXONOMY.data_category + exported.data_category,
        data_subject=DEFAULT_TAXONOMY.data_subject + exported.data_subject,
        data_use=DEFAULT_TAXONOMY.data_use + exported.data_use,
        system=exported.system,
        dataset=exported.dataset,
        organization=exported.organization,
    )
    assert get_referenced_missing_keys(whole) == set()
    # fideslang's check above does not look into every field (e.g. a dataset field's categories), so
    # every label and every resource referred to is also checked here
    labels = {kind: {x.fides_key for x in getattr(whole, kind)} for kind in DEFAULT_KEYS}
    systems, datasets = {s.fides_key for s in exported.system}, {d.fides_key for d in exported.dataset}
    used: dict[str, set[str]] = defaultdict(set)
    for d in exported.dataset:
        for f in (f for c in d.collections for f in c.fields):
            used["data_category"] |= set(f.data_categories or [])
            used["data_use"] |= set(f.data_uses or [])
            used["data_subject"] |= set(f.data_subjects or [])
    for s in exported.system:
        assert set(s.dataset_references) <= datasets
        for flow in [*(s.egress or []), *(s.ingress or [])]:
            assert flow.fides_key in systems and flow.type == "system"
            used["data_category"] |= set(flow.data_categories or [])
        for decl in s.privacy_declarations:
            used["data_category"] |= set(decl.data_categories)
            used["data_use"].add(decl.data_use)
            used["data_subject"] |= set(decl.data_subjects)
            assert set(decl.dataset_references or []) <= datasets
            assert set(decl.egress or []) | set(decl.ingress or []) <= systems
    for kind, keys in used.items():
        assert keys <= labels[kind], (kind, keys - labels[kind])
    return exported


@pytest.fixture(scope="module")
def bundled_map(tmp_path_factory) -> Path:
    from privacy_inventory.cli import main

    out = tmp_path_factory.mktemp("fides") / "map"
    with pytest.raises(SystemExit) as exit_info:
        main(["export-fides", str(out)])
    assert exit_info.value.code in (0, None)
    return out


def systems_of(directory: Path) -> dict[str, dict]:
    data = yaml.safe_load((directory / "systems.yml").read_text(encoding="utf-8"))
    return {s["fides_key"]: s for s in data["system"]}


# --- fideslang accepts it --------------------------------------------------------------------------------


def test_bundled_export_is_valid_fideslang(bundled_map):
    assert sorted(p.name for p in bundled_map.iterdir()) == sorted(FILES)
    exported = validated(bundled_map)
    inv = load_inventory()
    own_systems = inv.items["system"].nunique()
    assert len(exported.system) == own_systems + len(inv.partners)
    assert len(exported.dataset) == own_systems
    assert sum(len(c.fields) for d in exported.dataset for c in d.collections) == len(inv.items)
    assert {x.fides_key for x in exported.data_category} == EXTENDED["data_category"]
    assert all(
        not x.is_default for x in [*exported.data_category, *exported.data_use, *exported.data_subject]
    )
    assert exported.organization[0].name == inv.org("name")


def test_a_synthetic_ledger_exports_valid_fideslang(tmp_path, cli):
    synthesize(tmp_path / "s", SynthSpec(items=150, partners=30, flows=1500, seed=4))
    assert cli("export-fides", tmp_path / "s", tmp_path / "map").code == 0
    validated(tmp_path / "map")


# --- the mapping ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "vocabulary", "kind"),
    [
        (CATEGORY_KEYS, ItemCategory, "data_category"),
        (SUBJECT_KEYS, Subject, "data_subject"),
        (USE_KEYS, PurposeCategory, "data_use"),
    ],
)
def test_every_code_maps_to_one_taxonomy_key_of_its_own(table, vocabulary, kind):
    assert set(table) == set(vocabulary)  # every ledger code has a key
    assert len(set(table.values())) == len(table)  # and no two share one: the code comes back
    known = DEFAULT_KEYS[kind] | EXTENDED[kind]
    assert set(table.values()) <= known, set(table.values()) - known


def test_extensions_extend_the_default_taxonomy_where_nothing_fits():
    for ext in EXTENSIONS:
        assert ext.key not in DEFAULT_KEYS[ext.kind]  # a real addition
        if ext.kind != "data_subject":  # categories and uses hang under an existing label
            assert ext.parent in DEFAULT_KEYS[ext.kind]
    used = set(CATEGORY_KEYS.values()) | set(SUBJECT_KEYS.values()) | set(USE_KEYS.values())
    assert {e.key for e in EXTENSIONS} <= used  # no extension nobody needs


def test_refined_keys_name_the_item_and_still_give_back_its_category():
    for category, word, key in REFINEMENTS:
        assert key in DEFAULT_KEYS["data_category"]
        assert category_key(category, f"組合員の{word}") == key
        assert category_of_key(key) == category
    assert category_key("contact", "住所") == "user.contact.address"
    assert category_of_key("user.contact.address.postal_code") == "contact"  # finer keys walk up
    assert category_of_key("user.behavior.purchase_history") == "transaction"  # the nearest wins
    assert category_of_key("user.behavior.browsing_history") == "behavioural"
    assert category_of_key("system.operations") is None
    assert subject_of_key("customer") == "member" and subject_of_key("patient") is None


def test_mapping_table_in_docs_is_generated_from_the_declarations():
    from privacy_inventory.ledger.docs import render_fides_reference

    from .conftest import REPO

    doc = (REPO / "docs" / "fides.md").read_text(encoding="utf-8")
    assert doc == render_fides_reference(), (
        "docs/fides.md is stale: privacy-inventory schema --fides --out docs/fides.md"
    )
    for code, key in [*CATEGORY_KEYS.items(), *SUBJECT_KEYS.items(), *USE_KEYS.items()]:
        assert f"`{code}`" in doc and f"`{key}`" in doc


# --- the data-flow view ---------------------------------------------------------------------------------


def test_data_flow_view_matches_flows_csv(bundled_map):
    """Each (system, partner) pair of flows.csv is one egress of the sender and one ingress of the
    receiver, labelled with exactly the data categories of the items that flow."""
    inv = load_inventory()
    items = inv.items.set_index("item_id")
    expected: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in inv.flows.itertuples():
        item = items.loc[f.item_id]
        own, partner = own_system_key(item["system"]), partner_key(f.partner_id)
        edge = (partner, own) if f.direction == "in" else (own, partner)
        expected[edge].add(category_key(item["category"], item["name_ja"]))
    systems = systems_of(bundled_map)
    egress = {
        (k, e["fides_key"]): set(e["data_categories"])
        for k, s in systems.items()
        for e in s.get("egress", [])
    }
    ingress = {
        (e["fides_key"], k): set(e["data_categories"])
        for k, s in systems.items()
        for e in s.get("ingress", [])
    }
    assert egress == dict(expected)
    assert ingress == dict(expected)  # each edge seen from both ends


def test_name_row_as_fides_shows_it(bundled_map):
    """氏名 (I001): a field of the member system's dataset; joint users 1 receive it for JU1A/JU1B."""
    datasets = yaml.safe_load((bundled_map / "datasets.yml").read_text(encoding="utf-8"))["dataset"]
    fields = {f["name"]: (d, f) for d in datasets for c in d["collections"] for f in c["fields"]}
    dataset, name = fields["I001"]
    assert name["description"] == "氏名" and name["data_categories"] == ["user.name"]
    assert name["data_subjects"] == ["customer"] and "marketing.communications" in name["data_uses"]
    assert dataset["name"] == "組合員管理システム"
    systems = systems_of(bundled_map)
    own = systems[dataset["fides_key"].removeprefix("dataset-")]
    pj01 = systems["partner-PJ01"]
    assert pj01["name"] == "日本生活協同組合連合会" and pj01["responsibility"] == ["Controller"]
    assert (
        "「共済事業・福祉事業以外の事業や活動における共同利用」の共同利用者" in pj01["joint_controller_info"]
    )
    decl = {d["name"].split()[0]: d for d in pj01["privacy_declarations"]}
    assert decl["JU1A"]["data_use"] == "essential.service.payment_processing"
    assert decl["JU1B"]["data_use"] == "marketing.communications"
    assert own["fides_key"] in decl["JU1A"]["ingress"] and "user.name" in decl["JU1A"]["data_categories"]
    own_decl = {d["name"].split()[0]: d for d in own["privacy_declarations"]}
    assert "partner-PJ01" in own_decl["JU1A"]["egress"] and own_decl["JU1A"]["data_shared_with_third_parties"]
    assert systems["partner-PO01"]["responsibility"] == ["Processor"]
    assert systems["partner-PO07"]["responsibility"] == ["Sub-Processor"]
    assert systems["partner-PO06"]["does_international_transfers"] is True


# --- back from Fides -------------------------------------------------------------------------------------

ROUND_TRIP = ("items", "uses", "purposes", "partners", "joint_uses", "flows", "departments")


def by_key(df: pd.DataFrame, table: str) -> pd.DataFrame:
    key = list(TABLES_BY_NAME[table].key)
    return df.sort_values(key).reset_index(drop=True)


def test_import_gives_back_items_partners_and_flows(bundled_map, cli, tmp_path):
    res = cli("import-fides", bundled_map, tmp_path / "back")
    assert res.code == 0, res.out + res.err
    original, back = load_inventory(), load_inventory(tmp_path / "back")
    for table in ROUND_TRIP:
        file = TABLES_BY_NAME[table].file
        pd.testing.assert_frame_equal(
            by_key(read(tmp_path / "back", file), table), by_key(read(original.path, file), table), obj=table
        )
    # what Fides cannot hold and the data map does not carry: documented in docs/fides.md
    assert back.controls.empty and back.actions.empty
    assert back.org("name") == original.org("name") and back.org("request_procedure") is None


def test_edits_made_in_fides_come_back(bundled_map, cli, tmp_path):
    edited = tmp_path / "edited"
    edited.mkdir()
    for name in FILES:
        (edited / name).write_bytes((bundled_map / name).read_bytes())
    systems = yaml.safe_load((edited / "systems.yml").read_text(encoding="utf-8"))
    for s in systems["system"]:
        if s["fides_key"] == "partner-PO02":
            s["name"], s["legal_address"] = "印刷会社B（改称）", "山口県山口市1-2-3"
    (edited / "systems.yml").write_text(dump_yaml(systems), encoding="utf-8")
    datasets = yaml.safe_load((edited / "datasets.yml").read_text(encoding="utf-8"))
    for d in datasets["dataset"]:
        for f in d["collections"][0]["fields"]:
            if f["name"] == "I006":  # メールアドレス: re-labelled in Fides as a phone-like contact
                f["description"], f["data_categories"] = "電子メールアドレス", ["user.contact.phone_number"]
            if f["name"] == "I024":
                f["data_categories"], f["data_subjects"] = ["user.health_and_medical"], ["next_of_kin"]
    (edited / "datasets.yml").write_text(dump_yaml(datasets), encoding="utf-8")
    assert cli("import-fides", edited, tmp_path / "back").code == 0
    inv = load_inventory(tmp_path / "back")
    po02 = inv.partners.set_index("partner_id").loc["PO02"]
    assert po02["name"] == "印刷会社B（改称）" and po02["address"] == "山口県山口市1-2-3"
    items = inv.items.set_index("item_id")
    assert items.loc["I006", "name_ja"] == "電子メールアドレス" and items.loc["I006", "category"] == "contact"
    assert (items.loc["I024", "category"], items.loc["I024", "subjects"]) == ("health_care", "family")


def test_import_refuses_a_data_map_it_did_not_write(tmp_path, cli):
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "systems.yml").write_text(
        dump_yaml({"system": [{"fides_key": "x", "system_type": "Service", "privacy_declarations": []}]}),
        encoding="utf-8",
    )
    res = cli("import-fides", tmp_path / "map", tmp_path / "back")
    assert res.code == 2 and "export-fides" in res.err
    assert not (tmp_path / "back").exists()
    assert cli("import-fides", tmp_path / "nowhere", tmp_path / "back").code == 2


@pytest.mark.parametrize(
    ("content", "ja", "en"),
    [
        (
            b"system:\n  - fides_key: a\n    name: [x\n",
            "4行目：「[」で始めたリスト",
            "line 4: a list opened with '['",
        ),
        (b"system:\n  - name: \xff\xfe\n", "バイト目が UTF-8 ではありません", "is not UTF-8"),
    ],
)
def test_import_says_why_a_file_is_not_yaml_in_the_readers_language(tmp_path, cli, content, ja, en):
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "systems.yml").write_bytes(content)
    for lang, words in (("ja", ja), ("en", en)):
        res = cli("import-fides", tmp_path / "map", tmp_path / "back", "--lang", lang)
        assert res.code == 2 and "systems.yml" in res.err and words in res.err, res
        assert not re.search(r"[A-Za-z]+Error", res.err.replace("Error: ", ""))  # no exception class names
    assert not (tmp_path / "back").exists()


@pytest.mark.parametrize(
    ("edit", "en"),
    [
        (lambda row: row.replace(",", ",EXTRA,", 1), "26 values where the header has 25"),
        (lambda row: ",".join(row.split(",")[:2]), "2 values where the header has 25"),
        (lambda row: row.replace(",", ',"', 1), "is never closed"),
    ],
)
def test_import_names_the_resource_and_row_of_malformed_csv_in_the_map(bundled_map, cli, tmp_path, edit, en):
    """The CSV a dataset carries, edited by hand in the YAML: an error naming where, never exit 3."""
    shutil.copytree(bundled_map, tmp_path / "map")
    path = tmp_path / "map" / "datasets.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("I032,"))
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    lines[i] = indent + edit(lines[i].strip())
    path.write_text("\n".join(lines), encoding="utf-8")
    res = cli("import-fides", tmp_path / "map", tmp_path / "back", "--lang", "en")
    assert res.code == 2 and "datasets.yml" in res.err and "personal-data items" in res.err, res
    assert en in res.err and "line 2" in res.err and "Internal error" not in res.err
    ja = cli("import-fides", tmp_path / "map", tmp_path / "back", "--lang", "ja")
    assert ja.code == 2 and "CSV の2行目" in ja.err and "個人情報の項目" in ja.err
    assert not (tmp_path / "back").exists()


def test_export_refuses_a_folder_with_files(tmp_path, cli):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("keep")
    res = cli("export-fides", tmp_path / "out")
    assert res.code == 2 and (tmp_path / "out" / "mine.txt").read_text() == "keep"


# --- the YAML writer ------------------------------------------------------------------------------------

TEXT = st.text(max_size=30) | st.sampled_from(
    ["true", "No", "null", "~", "1.5", "2026-01-01", "- x", "a: b", "#c", "|", "x\n", "a\nb\n", " a\nb\n",
     "\n\n", "a\n\n", 'I001,氏名,"x, y"\nF1,2\n', "@x", "'q", "*a", "&a", "!t", "%", "a\u2028b", "\x85", "\ufeff"]
)  # fmt: skip
DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(DATA)
def test_yaml_writer_reads_back_exactly(data):
    text = dump_yaml(data)
    assert yaml.safe_load(text) == data
    assert yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == data


def test_yaml_writer_keeps_csv_readable_as_a_block():
    text = dump_yaml({"meta": {"flows": "flow_id,item_id\nF0001,I001\n"}, "k": string.ascii_letters})
    assert "flows: |\n    flow_id,item_id\n    F0001,I001\n" in text
