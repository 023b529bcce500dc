"""The plan profile's choices in words, for the plan form and the set-up wizard alike."""

from __future__ import annotations

from yolvarex.content.schemas.exercise import Area, Equipment
from yolvarex.domain.plan.profile import WEEKDAYS, Distance, Experience

DAY_NAMES = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                "Saturday", "Sunday"), strict=True))
EQUIPMENT_LABELS = {Equipment.BODYWEIGHT: "Bodyweight", Equipment.BANDS: "Resistance bands",
                    Equipment.DUMBBELLS: "Dumbbells",
                    Equipment.KETTLEBELL: "Kettlebell", Equipment.WATER_BOTTLES: "Water bottles",
                    Equipment.JUMP_ROPE: "Jump rope", Equipment.CHAIR: "Sturdy chair or bench",
                    Equipment.STEP: "Stairs or a step", Equipment.BOX: "Low box to jump onto",
                    Equipment.TABLE: "Sturdy table"}
AREA_LABELS = {Area.KNEE: "Knee", Area.HIP: "Hip", Area.IT_BAND: "IT band", Area.SHIN: "Shin",
               Area.ACHILLES_CALF: "Achilles or calf", Area.PLANTAR_FASCIA: "Plantar fascia",
               Area.LOW_BACK: "Low back"}
DISTANCE_LABELS = {Distance.FIVE_K: "5 km", Distance.TEN_K: "10 km",
                   Distance.HALF_MARATHON: "Half marathon", Distance.MARATHON: "Marathon",
                   Distance.ULTRA: "Ultra", Distance.OTHER: "Other"}
EXPERIENCE_LABELS = {Experience.NEW: "New to strength work", Experience.SOME: "Some experience",
                     Experience.EXPERIENCED: "Experienced"}
