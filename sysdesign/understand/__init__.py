"""The one place text is read for meaning, in Korean and English, offline and deterministic.

- `normalise`: normalisation, Korean particle/ending stripping, English stemming;
- `lexicon`: the bilingual domain lexicon (data/lexicon.yaml): concepts, tags, technologies;
- `match`: text → features → TF-IDF vectors; an index of labelled examples;
- `facts`: which fact answers a question (answer, clarify or refuse);
- `grade`: which points of a model answer the candidate expressed (explained, listed, wrong).

Imports only `models`, `library` (to load the lexicon) and the standard library.
"""
