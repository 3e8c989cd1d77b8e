"""Near-duplicate detection: syndicated copies of one agency text form one cluster."""

from __future__ import annotations

from pathlib import Path

from lagebild.clean.duplicates import DuplicateIndex, from_bytes, signature, similarity, to_bytes


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_syndicated_copy_joins_the_cluster_and_other_stories_do_not(seed_paths: list[Path]) -> None:
    original = _body(seed_paths[1])
    paragraphs = original.split("\n\n")
    # Another outlet: its own headline, the last paragraph cut, a line of its own added.
    copy = "\n\n".join(
        ["Russland und Venezuela rücken zusammen", *paragraphs[:-1], "Mehr dazu im Liveticker."]
    )
    index = DuplicateIndex()
    assert index.add("orig", signature(original)).cluster_id == "orig"
    match = index.add("copy", signature(copy))
    assert match.cluster_id == "orig" and match.similarity >= 0.7
    for i, other in enumerate(seed_paths[2:]):
        assert index.add(f"other{i}", signature(_body(other))).cluster_id == f"other{i}"


def test_signature_roundtrip_and_reload(seed_paths: list[Path]) -> None:
    sigs = {p.name: signature(_body(p)) for p in seed_paths}
    for sig in sigs.values():
        assert (from_bytes(to_bytes(sig)) == sig).all()
    a, b = list(sigs.values())[:2]
    assert similarity(a, a) == 1.0 and similarity(a, b) < 0.2
    index = DuplicateIndex()
    index.load((name, to_bytes(sig), name) for name, sig in sigs.items())
    name = seed_paths[0].name
    assert index.add("again", signature(_body(seed_paths[0]) + " Ende.")).cluster_id == name


def test_a_run_marks_syndicated_copies_and_catches_up(tmp_path: Path, seed_paths: list[Path]) -> None:
    from lagebild.config import PipelineSettings, Settings
    from lagebild.runner import run
    from lagebild.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    original = _body(seed_paths[1])
    (folder / "a_original.txt").write_text(original, encoding="utf-8")
    # Another outlet's edit: a word changed, the last paragraph cut.
    edited = original.replace("Bergbau", "Landwirtschaft").rsplit("\n\n", 2)[0]
    (folder / "b_copy.txt").write_text(edited, encoding="utf-8")
    (folder / "c_other.txt").write_text(_body(seed_paths[3]), encoding="utf-8")
    settings = Settings(pipeline=PipelineSettings(stages=("sentences",)))
    with Store(tmp_path / "s.db") as store:
        summary = run([str(folder)], store, settings)
        assert summary.added == 3 and summary.near_duplicates == 3
        [cluster] = store.duplicate_clusters()
        assert sorted(row.doc for row, _ in cluster) == ["a_original.txt", "b_copy.txt"]
        store.conn.execute("DELETE FROM near_duplicates")  # as if a run was killed before marking
        store.conn.commit()
        again = run([str(folder)], store, settings)
        assert again.added == 0 and again.near_duplicates == 3
        assert len(store.duplicate_clusters()) == 1
