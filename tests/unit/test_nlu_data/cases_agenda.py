# cases_agenda.py: agenda.show over a span: "esta semana" / "next week" (period week), "hasta el viernes" (until).
# Now is Saturday 2026-11-28.
N = "2026-11-28T10:00"
C = [
    ("es", N, "qué tengo esta semana?", {"intent": "agenda.show", "date": "2026-11-28", "period": "week"}),
    ("es", N, "qué tengo la semana que viene", {"intent": "agenda.show", "date": "2026-12-05", "period": "week"}),
    ("es", N, "qué tengo hasta el viernes", {"intent": "agenda.show", "date": "2026-12-04", "until": "2026-12-04"}),
    ("es", N, "qué tengo mañana", {"intent": "agenda.show", "date": "2026-11-29", "period": None, "until": None}),
    ("en", N, "what's on this week", {"intent": "agenda.show", "date": "2026-11-28", "period": "week"}),
    ("en", N, "what have I got next week", {"intent": "agenda.show", "date": "2026-12-05", "period": "week"}),
    ("en", N, "what do I have until friday", {"intent": "agenda.show", "date": "2026-12-04", "until": "2026-12-04"}),
    ("en", N, "anything on friday?", {"intent": "agenda.show", "date": "2026-12-04", "period": None, "until": None}),
]
