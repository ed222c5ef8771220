"""Text stages: cleaning page furniture, splitting sentences, and the one date grammar."""
