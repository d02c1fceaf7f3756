"""newsfacts' spaCy components, one module per fact family.

Each module registers a ``newsfacts_<name>`` factory; the ``spacy_factories`` entry point
lets ``nlp.add_pipe("newsfacts_<name>")`` find it without importing newsfacts first.
"""
