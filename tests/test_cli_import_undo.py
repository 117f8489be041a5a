"""Mistakes that can be undone, on the command line: a duplicate exits with 3, a corrected template replaces
the earlier import, ``data delete`` takes facility imports back, the import names its automatic backup."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from school_lists import school_list, schools_template_text

from bildungsplaner.__main__ import main


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def schools(folder: Path, rows: list[str]) -> Path:
    return school_list(folder / "schulen.csv", rows, "Schulnummer;Name;AGS;Sozialindex;Schüler")


def test_duplicate_exit_3_corrected_template_replaces_and_delete_takes_facilities_back(workspace, tmp_path,
                                                                                        capsys) -> None:
    from bildungsplaner import paths

    workspace.close()
    ws = str(workspace.path)
    plain = write(tmp_path / "schulen.toml", schools_template_text())
    more = write(tmp_path / "schulen_korrigiert.toml",
                 schools_template_text('sozialindex = "Sozialindex", schueler = "Schüler"'))
    list_a = schools(tmp_path / "a", ["100001;GS Am Markt;05978004;3;210", "100002;GS Bönen;05978008;5;180"])
    assert main(["import", str(list_a), "--template", str(plain), "--workspace", ws]) == 0
    out = capsys.readouterr().out
    assert "Einrichtungen: 2 neu, 0 geändert, 0 unverändert." in out
    assert f"Sicherung vor dem Import: {paths.backups_dir()}" in out

    # the same file with the same template: refused as a duplicate, exit 3, explained, nothing changed
    before = digest(workspace.path)
    assert main(["import", str(list_a), "--template", str(plain), "--workspace", ws]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bereits importiert (Datensatz 1)" in captured.err and "geänderten Vorlage" in captured.err
    assert digest(workspace.path) == before

    # the same file with a corrected template (one more attribute): a new import that replaces the first
    assert main(["import", str(list_a), "--template", str(more), "--workspace", ws, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dataset"] == 2 and report["supersedes"] == 1
    assert (report["facilities_new"], report["facilities_updated"], report["facilities_unchanged"]) == (0, 2, 0)
    assert report["backup"] and Path(report["backup"]).parent == paths.backups_dir()

    # list B changes a school's Sozialindex and adds one
    list_b = schools(tmp_path / "b", ["100001;GS Am Markt;05978004;4;210", "100002;GS Bönen;05978008;5;180",
                                      "100003;GS Holzwickede;05978016;6;150"])
    assert main(["import", str(list_b), "--template", str(more), "--workspace", ws, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["facilities_new"], report["facilities_updated"], report["facilities_unchanged"]) == (1, 1, 1)

    assert main(["data", "delete", "1", "--workspace", ws]) == 2  # replaced and listed again later: refused
    assert "zuerst Import Nr. 3 zurück" in capsys.readouterr().err
    assert main(["data", "delete", "3", "--workspace", ws]) == 0
    out = capsys.readouterr().out
    assert ("gelöscht: 0 Werte entfernt; 1 neu angelegte Einrichtungen entfernt; 2 Einrichtungen auf den Stand "
            "davor zurückgesetzt; 1 neu angelegte, sonst nicht genutzte Gebiete entfernt.") in out
    assert main(["data", "list", "--json", "--workspace", ws]) == 0
    assert [(d["id"], d["superseded_by"]) for d in json.loads(capsys.readouterr().out)] == [(2, None), (1, 2)]
    out_csv = tmp_path / "einrichtungen.csv"
    assert main(["facilities", "export", "--out", str(out_csv), "--workspace", ws]) == 0
    exported = out_csv.read_text(encoding="utf-8-sig")
    assert "100003" not in exported and "GS Am Markt" in exported
    assert main(["data", "delete", "2", "--workspace", ws]) == 0
    assert main(["data", "delete", "1", "--workspace", ws]) == 0
    capsys.readouterr()
    assert main(["info", "--json", "--workspace", ws]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["facilities"], info["datasets"], info["regions"]) == (0, 0, 0)
