"""One module per kind of content. Each model lists the ids it refers to in `refs()`."""
