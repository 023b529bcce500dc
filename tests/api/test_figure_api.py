"""The illustration of an entry over the API: public like the library, SVG, 404 otherwise."""

from __future__ import annotations


def test_figure_svg_is_public_svg(client) -> None:
    response = client.get("/api/v1/library/exercises/glute-bridge/figure.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text.startswith("<svg") and "<animate" in response.text
    assert client.get("/api/v1/library/drill/a-skip/figure.svg").status_code == 200
    assert client.get("/api/v1/library/movements/cat-cow/figure.svg").status_code == 200


def test_figure_svg_not_found(client) -> None:
    assert client.get("/api/v1/library/exercises/nope/figure.svg").status_code == 404
    cue = client.get("/api/v1/library/cues").json()[0]["id"]
    missing = client.get(f"/api/v1/library/cues/{cue}/figure.svg")
    assert missing.status_code == 404 and "no illustrations" in missing.text
