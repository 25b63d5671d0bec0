# cases_digest.py: the morning digest turned off with its word anywhere in the sentence.
N = "2026-11-28T10:00"
C = [
    ("es", N, "desactiva el resumen", {"intent": "digest.set", "arg": "off"}),
    ("es", N, "quita el resumen diario", {"intent": "digest.set", "arg": "off"}),
    ("es", N, "resumen off", {"intent": "digest.set", "arg": "off"}),
    ("es", N, "resumen de gastos", {"intent": "expense.summary"}),
    ("en", N, "turn off the digest", {"intent": "digest.set", "arg": "off"}),
    ("en", N, "disable the daily summary", {"intent": "digest.set", "arg": "off"}),
]
