# cases_delete.py: "borra X" is an expense when X is a spending word, else a task (or a class).
N = "2026-11-28T10:00"
C = [
    ("es", N, "borra la comida", {"intent": "expense.delete", "ref": "comida"}),
    ("es", N, "quita el bus", {"intent": "expense.delete", "ref": "bus"}),
    ("es", N, "borra el café de ayer", {"intent": "expense.delete", "ref": "café"}),
    ("es", N, "borra comprar comida", {"intent": "task.delete", "ref": "comprar comida"}),
    ("es", N, "borra la tarea de la comida", {"intent": "task.delete"}),
    ("es", N, "borra el hito 1", {"intent": "task.delete", "ref": "hito 1"}),
    ("es", N, "borra la clase de Cálculo", {"intent": "class.delete", "ref": "Cálculo"}),
    ("en", N, "delete the taxi", {"intent": "expense.delete", "ref": "taxi"}),
    ("en", N, "remove lunch", {"intent": "expense.delete", "ref": "lunch"}),
    ("en", N, "delete buy groceries", {"intent": "task.delete", "ref": "buy groceries"}),
    ("en", N, "delete the essay", {"intent": "task.delete", "ref": "essay"}),
]
