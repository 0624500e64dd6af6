"""Renderers: turn results into Rich tables, JSON or Markdown. No scoring happens here."""
