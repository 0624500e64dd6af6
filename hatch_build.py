"""Build hook: compile the gettext messages (``.po``) of each language into ``.mo`` files.

Runs for every wheel (and editable install): writes
``src/roleadvisor/locale/<lang>/LC_MESSAGES/roleadvisor.mo`` next to the ``.po``
files and ships it. The compiling code is ``roleadvisor/messages.py``, loaded by
path (the package itself is not importable while it is being built).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class MessagesBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        path = root / "src/roleadvisor/messages.py"
        spec = importlib.util.spec_from_file_location("_roleadvisor_messages", path)
        if spec is None or spec.loader is None:
            raise RuntimeError("cannot load src/roleadvisor/messages.py")
        messages = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(messages)
        for folder in sorted((root / "src/roleadvisor/locale").glob("*/LC_MESSAGES")):
            sources = sorted(folder.glob("*.po"))
            if not sources:
                continue
            language = folder.parent.name
            target = folder / "roleadvisor.mo"
            target.write_bytes(messages.compile_po(sources, language))
            build_data.setdefault("artifacts", []).append(target.relative_to(root).as_posix())
