"""The text layer: normalisation for matching, tokens with offsets, quotes and sentences."""
