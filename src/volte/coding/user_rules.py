"""User dictionaries: folders of actor and verb YAML read beside volte's bundled ones.

A folder named by the ``coding.rules`` setting (or ``--rules DIR``) holds ``actors/*.yml`` (the actor
dictionary format, docs/actors.md) and/or ``verbs/*.yml`` (the verb pattern format, docs/verbs.md). Its
files are loaded and validated with the bundled files, as one dictionary: a problem anywhere is E301 with
file:line, a user entry reusing a bundled id is a duplicate. The files' bytes are part of the stored
``dictionaries_sha256`` (:func:`provenance_files`), so events say which rules coded them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from volte.errors import E_CONFIG_BAD_OPTION, ConfigError, DictionaryError

if TYPE_CHECKING:
    from volte.coding.actor_dictionary import ActorDictionary
    from volte.coding.verbs import VerbDictionary
    from volte.settings import Settings

SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class UserRules:
    """The user's actor and verb files, in the order of their folders, each folder's files by name."""

    actors: tuple[Path, ...] = ()
    verbs: tuple[Path, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.actors or self.verbs)


def find_user_rules(folders: tuple[str, ...] | list[str]) -> UserRules:
    """The YAML files of ``folders``' ``actors/`` and ``verbs/`` subfolders; a folder that does not exist
    or has neither subfolder is ConfigError E102."""
    actors: list[Path] = []
    verbs: list[Path] = []
    for name in folders:
        folder = Path(name)
        if not folder.is_dir():
            raise ConfigError(
                f"rules folder {folder}: not a folder (give a folder holding actors/*.yml and/or verbs/*.yml)",
                code=E_CONFIG_BAD_OPTION,
            )
        found = {sub: _yaml_files(folder / sub) for sub in ("actors", "verbs")}
        if not (folder / "actors").is_dir() and not (folder / "verbs").is_dir():
            raise ConfigError(
                f"rules folder {folder}: holds neither actors/ nor verbs/ (put actor YAML in {folder / 'actors'} "
                f"and verb patterns in {folder / 'verbs'}; docs/settings.md)",
                code=E_CONFIG_BAD_OPTION,
            )
        actors += found["actors"]
        verbs += found["verbs"]
    return UserRules(actors=tuple(actors), verbs=tuple(verbs))


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file() and not p.name.startswith(".")
    )


def user_rules(settings: Settings) -> UserRules:
    return find_user_rules(settings.coding.rules)


def actors_for(settings: Settings) -> ActorDictionary:
    """The bundled actor dictionary, with the user's actor files when ``coding.rules`` names any."""
    # lazy: the actor rules (yaml) cost 50 ms at CLI start, where --rules is checked (measured)
    from volte.coding.actor_dictionary import default_actors

    rules = user_rules(settings)
    return _actors_with(rules.actors) if rules.actors else default_actors()


def verbs_for(settings: Settings) -> VerbDictionary:
    """The bundled verb patterns, with the user's pattern files when ``coding.rules`` names any."""
    # lazy: volte.coding.verbs loads spaCy, 0.5 s at CLI start (measured)
    from volte.coding.verbs import default_verbs

    rules = user_rules(settings)
    return _verbs_with(rules.verbs) if rules.verbs else default_verbs()


def dictionaries_for(settings: Settings) -> tuple[VerbDictionary, ActorDictionary]:
    """The verb and actor dictionaries of :func:`verbs_for` and :func:`actors_for`, both validated before
    either raises: problems in both are reported in one DictionaryError (the first one's code)."""
    verbs: VerbDictionary | None = None
    actors: ActorDictionary | None = None
    problems: list[DictionaryError] = []
    try:
        verbs = verbs_for(settings)
    except DictionaryError as exc:
        problems.append(exc)
    try:
        actors = actors_for(settings)
    except DictionaryError as exc:
        problems.append(exc)
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise DictionaryError("\n".join(str(p) for p in problems), code=problems[0].code)
    if verbs is None or actors is None:
        raise DictionaryError("bug: a dictionary loaded as None")
    return verbs, actors


@lru_cache(maxsize=4)
def _actors_with(files: tuple[Path, ...]) -> ActorDictionary:
    # lazy: the actor rules (yaml) cost 50 ms at CLI start, where --rules is checked (measured)
    from volte.coding.actor_dictionary import ActorDictionary, default_paths

    return ActorDictionary.load([*default_paths(), *files])


@lru_cache(maxsize=4)
def _verbs_with(files: tuple[Path, ...]) -> VerbDictionary:
    # lazy: volte.coding.verbs loads spaCy, 0.5 s at CLI start (measured)
    from volte.coding.verb_dictionary import default_rule_files
    from volte.coding.verbs import VerbDictionary

    return VerbDictionary.load([*default_rule_files(), *files])


def provenance_files(settings: Settings) -> list[tuple[str, Path]]:
    """(name, path) of the user's rule files for the stored ``dictionaries_sha256``: named by their place in
    ``coding.rules`` and their kind (``user0/actors/people.yml``), so moving the folder changes nothing."""
    out: list[tuple[str, Path]] = []
    for index, name in enumerate(settings.coding.rules):
        rules = find_user_rules([name])
        out += [(f"user{index}/actors/{p.name}", p) for p in rules.actors]
        out += [(f"user{index}/verbs/{p.name}", p) for p in rules.verbs]
    return out


__all__ = [
    "UserRules",
    "actors_for",
    "dictionaries_for",
    "find_user_rules",
    "provenance_files",
    "user_rules",
    "verbs_for",
]
