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

# class.add: the kind of class and the code in brackets (the bot stores "Cloud Computing (CC)").
C += [
    ("es", N, "Cloud Computing (CC) los lunes de 10 a 12 en el aula 1.6", {"intent": "class.add", "subject": "Cloud Computing", "code": "CC", "weekday": 1, "room": "1.6"}),
    ("es", N, "prácticas de Redes los jueves de 15 a 17", {"intent": "class.add", "kind": "lab", "weekday": 4}),
    ("es", N, "CC teoría los lunes de 9 a 11", {"intent": "class.add", "subject": "CC", "kind": "theory"}),
    ("es", N, "Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6", {"intent": "class.add", "subject": "CC", "kind": None, "code": None}),
    ("en", N, "Physics lab on mondays 9-11 in room B12", {"intent": "class.add", "subject": "Physics", "kind": "lab", "room": "B12"}),
]
