"""Shell completion for bash, zsh and fish: commands, options, role and skill ids, ratings.

Each test asks the installed command the way the shell's completion script does
(Typer's protocol: ``_ROLEADVISOR_COMPLETE=complete_<shell>`` and the words typed).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from .conftest import installed_command


def complete(shell: str, words: str, *, env: dict[str, str] | None = None) -> list[str]:
    full = dict(os.environ, _ROLEADVISOR_COMPLETE=f"complete_{shell}", **(env or {}))
    if shell == "bash":
        parts = words.split(" ")
        full.update(COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1))
    else:
        full["_TYPER_COMPLETE_ARGS"] = words
        if shell == "fish":
            full["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = subprocess.run(
        installed_command(), env=full, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line.strip()]


def test_bash_completes_commands_and_options() -> None:
    assert complete("bash", "roleadvisor ass") == ["assess"]
    assert set(complete("bash", "roleadvisor ro")) == {"roles", "role"}
    assert "--target" in complete("bash", "roleadvisor assess --ta")


def test_bash_completes_role_ids_for_role_and_target() -> None:
    ids = complete("bash", "roleadvisor role ml")
    assert "ml-engineer" in ids and "mlops-engineer" in ids
    assert all(i.startswith("ml") for i in ids)
    assert complete("bash", "roleadvisor assess --target dev") == ["developer-advocate"]


def test_bash_completes_skill_ids_and_ratings() -> None:
    assert complete("bash", "roleadvisor skills st") == ["stats"]
    assert complete("bash", "roleadvisor assess --rate sy") == ["systems="]
    assert complete("bash", "roleadvisor assess --rate ml=") == [f"ml={n}" for n in range(6)]


def test_zsh_and_fish_complete_role_ids() -> None:
    zsh = "\n".join(complete("zsh", "roleadvisor role data"))
    assert "data-scientist" in zsh and "data-engineer" in zsh
    fish = complete("fish", "roleadvisor role data")
    assert {"data-scientist", "data-engineer", "data-analyst"} <= {line.split("\t")[0] for line in fish}


def test_completion_follows_a_custom_catalogue(tmp_path: object) -> None:
    catalog = __import__("pathlib").Path(str(tmp_path)) / "cat"
    subprocess.run([*installed_command(), "catalog", "init", str(catalog)], check=True, capture_output=True)
    roles = catalog / "roles.yaml"
    roles.write_text(roles.read_text().replace("id: developer-advocate", "id: community-lead"))
    assert complete("bash", "roleadvisor role comm", env={"ROLEADVISOR_CATALOG": str(catalog)}) == ["community-lead"]


def test_a_broken_catalogue_completes_nothing_quietly(tmp_path: object) -> None:
    assert complete("bash", "roleadvisor role ml", env={"ROLEADVISOR_CATALOG": str(tmp_path)}) == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_is_printed_for_each_shell(shell: str) -> None:
    done = subprocess.run(
        [*installed_command(), "--show-completion", shell], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "_ROLEADVISOR_COMPLETE" in done.stdout


def test_bash_completes_families_and_resource_kinds() -> None:
    assert complete("bash", "roleadvisor roles --family a") == ["adjacent"]
    assert complete("bash", "roleadvisor assess --prefer video,bo") == ["video,book"]
    assert "course" in complete("bash", "roleadvisor assess --prefer c")


def test_bash_splits_at_equals_and_still_gets_levels() -> None:
    # bash puts "=" in a word of its own (COMP_WORDBREAKS) and replaces only what follows it
    assert complete("bash", "roleadvisor assess --rate systems =") == [str(n) for n in range(6)]
    assert complete("bash", "roleadvisor assess --rate systems = 3") == ["3"]
    assert complete("bash", "roleadvisor assess --format = j") == ["json"]


def test_tab_in_a_real_bash(tmp_path: object) -> None:
    import shutil
    from pathlib import Path

    import pexpect

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    script = subprocess.run(
        [*installed_command(), "--show-completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    folder = Path(installed_command()[0]).parent
    source = Path(str(tmp_path)) / "roleadvisor.bash"
    source.write_text(script)
    env = {"PATH": f"{folder}:/usr/bin:/bin", "HOME": "/nonexistent", "TERM": "dumb", "PS1": "$ "}
    shell = pexpect.spawn(bash, ["--norc", "--noprofile"], env=env, encoding="utf-8", timeout=30)
    try:
        shell.expect_exact("$ ")
        shell.sendline(f"source {source}")
        shell.expect_exact("$ ")
        shell.send("roleadvisor role developer-a\t")
        shell.expect_exact("developer-advocate")
        shell.sendcontrol("c")
        shell.expect_exact("$ ")
        shell.send("roleadvisor assess --rate systems=\t\t")
        shell.expect(r"0\s+1\s+2\s+3\s+4\s+5")
    finally:
        shell.close(force=True)
