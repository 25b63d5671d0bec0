# cases_clock.py: Spanish minutes said after the hour ("a las 10 y 20", "a las 9 menos 10").
N = "2026-11-28T10:00"
C = [
    ("es", N, "tutoría a las 9 menos 10 el lunes", {"intent": "task.add", "title": "tutoría", "due_date": "2026-11-30", "due_time": "08:50"}),
    ("es", N, "a las 10 y 20 clase de CC el martes", {"intent": "class.add", "subject": "CC", "weekday": 2, "start": "10:20"}),
    ("es", N, "reunión mañana a las 5 y 10 de la tarde", {"intent": "task.add", "title": "reunión", "due_date": "2026-11-29", "due_time": "17:10"}),
    ("es", N, "entregar el informe el lunes a las 10 y 20 minutos", {"intent": "task.add", "due_date": "2026-11-30", "due_time": "10:20"}),
    ("es", N, "examen el lunes a las 9 menos cuarto", {"intent": "task.add", "title": "examen", "due_time": "08:45"}),
    ("es", N, "los lunes y martes de 9 a 11 Física", {"intent": "class.add", "weekday": [1, 2], "start": "09:00", "end": "11:00"}),
]
