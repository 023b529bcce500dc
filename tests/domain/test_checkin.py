import datetime as dt

import pytest
from pydantic import ValidationError

from yolvarex.domain.checkin import CheckIn


def test_only_the_date_is_required_and_unknown_stays_unknown() -> None:
    checkin = CheckIn(date=dt.date(2026, 11, 25))
    assert checkin.pain is None and checkin.symptoms == ()


@pytest.mark.parametrize("field,value", [("pain", 11), ("sleep_quality", 0), ("mood", 6),
                                         ("symptoms", ["sniffles"]), ("red_flags", ["dizzy"]),
                                         ("temperature_c", 50), ("hrv_rmssd", -1)])
def test_out_of_range_values_are_rejected(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        CheckIn.model_validate({"date": "2026-11-25", field: value})


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        CheckIn.model_validate({"date": "2026-11-25", "painn": 3})
