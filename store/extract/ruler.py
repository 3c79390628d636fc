"""Entity-ruler patterns and fixes for the small model's known weak spots (owned by the entities work)."""


def install(nlp) -> None:
    """Add the entity ruler (and any span post-processing component) to a loaded pipeline."""
    return None
