# cases_remind_ref.py: reminder.set names one task after "antes de" / "before" (ref), or tasks in general.
N = "2026-11-28T10:00"
C = [
    ("es", N, "avísame 3 días antes del hito 1", {"intent": "reminder.set", "target": "tasks", "minutes": 4320, "ref": "hito 1"}),
    ("es", N, "avísame 3 días antes del examen de Física", {"intent": "reminder.set", "target": "tasks", "minutes": 4320, "ref": "examen de Física"}),
    ("es", N, "avísame 1 día antes de las entregas", {"intent": "reminder.set", "target": "tasks", "minutes": 1440, "ref": None}),
    ("es", N, "avísame 2 horas antes de cada tarea", {"intent": "reminder.set", "target": "tasks", "minutes": 120, "ref": None}),
    ("es", N, "avísame 1 día antes", {"intent": "reminder.set", "minutes": 1440, "target": None}),
    ("es", N, "avísame un día antes", {"intent": "reminder.set", "minutes": 1440, "target": None}),
    ("en", N, "remind me 2 days before the History essay", {"intent": "reminder.set", "target": "tasks", "minutes": 2880, "ref": "History essay"}),
    ("en", N, "remind me 1 day before deadlines", {"intent": "reminder.set", "target": "tasks", "minutes": 1440, "ref": None}),
    ("es", N, "recuérdame la práctica de CC 2 días antes", {"intent": "reminder.set", "target": "tasks", "minutes": 2880, "ref": "práctica de CC"}),
    ("es", N, "avísame de la entrega de Física 1 día antes", {"intent": "reminder.set", "minutes": 1440, "ref": "entrega de Física"}),
    ("es", N, "avísame con 1 día de antelación", {"intent": "reminder.set", "minutes": 1440, "ref": None}),
    ("es", N, "avísame 2 horas antes de cada entrega", {"intent": "reminder.set", "target": "tasks", "minutes": 120, "ref": None}),
    ("es", N, "recuérdame las tareas 2 días antes", {"intent": "reminder.set", "target": "tasks", "minutes": 2880, "ref": None}),
    ("en", N, "remind me about the essay 2 days before", {"intent": "reminder.set", "target": "tasks", "minutes": 2880, "ref": "essay"}),
    ("en", N, "remind me an hour before every deadline", {"intent": "reminder.set", "target": "tasks", "minutes": 60, "ref": None}),
]
