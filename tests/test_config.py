"""Settings: packaged defaults, the user's file on top, unknown keys rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import Settings, describe, load_settings
from lagebild.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_user_file_overrides(tmp_path: Path) -> None:
    cfg = tmp_path / "l.toml"
    cfg.write_text('[limits]\nmax_document_bytes = 1000\n[pipeline]\nstages = ["sentences"]\n')
    s = load_settings(cfg)
    assert s.limits.max_document_bytes == 1000 and s.reader_limits().max_document_bytes == 1000
    assert s.pipeline.stages == ("sentences",)
    assert s.store.path == "lagebild.db"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[limits]\nmax_doc = 1\n", "unknown setting 'max_doc'"),
        ("[nope]\nx = 1\n", "unknown section"),
        ("[limits]\nmax_document_bytes = 'big'\n", "must be int"),
        ("[limits]\nmax_document_bytes = -5\n", "must be positive"),
        ("[pipeline]\nstages = 'ner'\n", "list of strings"),
        ("[limits\n", "not valid TOML"),
    ],
)
def test_bad_settings_are_rejected(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "l.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(cfg)


def test_every_setting_has_help() -> None:
    rows = describe(Settings())
    assert {name for name, _, _ in rows} >= {"store.path", "limits.max_document_bytes", "pipeline.stages"}
    assert all(len(help_text) > 10 for _, _, help_text in rows)
