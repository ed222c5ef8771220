"""Recognisers: each finds spans with offsets in a sentence (rules and the NLP layer)."""
