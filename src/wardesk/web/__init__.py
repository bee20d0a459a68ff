"""The analyst's desk: server-rendered pages (Jinja2, autoescaped) over the same view
functions as the JSON API, plus the locally served front-end libraries."""
