"""One module per command: the glue between parsed options, the library and a renderer."""
